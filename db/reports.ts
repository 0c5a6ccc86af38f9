import { statement } from './statements.js';
import { cellsOfRows, DAY_MS, MONTH_DIMENSIONS, reportCellsOffsetMs, type CellDimension } from './reportCells.js';
import type { Db } from './open.js';
import type { ReportFigures } from '../shared/reportFigures.js';
import type { CaseView } from '../shared/fold.js';
import type { MonthlyReport } from '../shared/monthlyReport.js';
import { LIST_COLUMNS, viewOf, type CaseRowWithOutcome } from './complaintQueries.js';
import { SLA_STEPS } from '../shared/sla/policy.js';
import type { REPORT_DIMENSIONS } from '../shared/contract.js';

/**
 * Report figures as plain SQL over the complaints projection's columns (never a fold of the log at
 * view time). A case belongs to a period by when it was received.
 */
export interface ReportScope {
  fromMs: number;
  toMs: number;
  /** One branch, or every branch this desk holds (an HQ desk holds them all). */
  branch?: string;
  /** Minutes east of UTC of the branch's time zone, for grouping by its calendar days. */
  utcOffsetMinutes: number;
  /** Where the satisfaction trend starts (a few months before `fromMs`); the period alone without it. */
  trendFromMs?: number;
}

export interface Count {
  key: string;
  count: number;
}

const WHERE = 'received_ms >= @fromMs AND received_ms < @toMs AND (@branch IS NULL OR branch = @branch)';

/** A dimension's value in the period, with the sums of its cells (db/reportCells.ts). */
interface CellSum {
  dim: Exclude<CellDimension, 'day'>;
  branch: string;
  key: string;
  n: number;
  major: number;
  open: number;
  repeats: number;
  unreachable: number;
  rated: number;
  satisfactionSum: number;
  closedTimed: number;
  closedSpanMs: number;
  closed: number;
  closedOnTime: number;
}
type CellField = keyof Omit<CellSum, 'dim' | 'branch' | 'key'>;

const byBinary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sumOf = (rows: readonly CellSum[], field: CellField) => rows.reduce((total, r) => total + r[field], 0);

/** Counts summed by a key, in first-seen order. */
function tally<T>(rows: readonly T[], key: (r: T) => string, count: (r: T) => number): Count[] {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(key(r), (sums.get(key(r)) ?? 0) + count(r));
  return [...sums].map(([k, n]) => ({ key: k, count: n }));
}

/** Counts of one dimension, most first (ties by key), as the charts show them. */
const countsOf = (rows: readonly CellSum[]): Count[] =>
  tally(rows, (r) => r.key, (r) => r.n).sort((x, y) => y.count - x.count || byBinary(x.key, y.key));

/** Satisfaction (1–5) averaged over the rated cases, with how many rated. */
function satisfactionOf(rows: readonly CellSum[]): { rated: number; average: number | null } {
  const rated = sumOf(rows, 'rated');
  return { rated, average: rated ? sumOf(rows, 'satisfactionSum') / rated : null };
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const group = groups.get(key(r));
    if (group) group.push(r);
    else groups.set(key(r), [r]);
  }
  return groups;
}

const MONTH_DIMS = MONTH_DIMENSIONS.map((d) => `'${d}'`).join(', ');
const CELL_SUMS = `sum(n) AS n, sum(major) AS major, sum(open) AS open, sum(repeats) AS repeats, sum(unreachable) AS unreachable, sum(rated) AS rated,
  sum(satisfaction_sum) AS satisfactionSum, sum(closed_timed) AS closedTimed, sum(closed_span_ms) AS closedSpanMs, sum(closed) AS closed, sum(closed_on_time) AS closedOnTime`;
const CELL_BRANCH = '(@branch IS NULL OR branch = @branch)';
/** Bound numbers arrive as floating point: whole days need integer division. */
const OFFSET = 'CAST(@offset AS INTEGER)';

/** `YYYYMM` of an instant in a calendar `offsetMs` east of UTC, as the cells number months. */
const monthNumber = (ms: number, offsetMs: number) => {
  const d = new Date(ms + offsetMs);
  return d.getUTCFullYear() * 100 + d.getUTCMonth() + 1;
};
/** Whether an instant is a first-of-the-month midnight of that calendar. */
const startsMonth = (ms: number, offsetMs: number) => (ms + offsetMs) % DAY_MS === 0 && new Date(ms + offsetMs).getUTCDate() === 1;

/**
 * The period's cells: the stored ones when the period is whole months of their calendar, else summed
 * from the period's rows with the same definitions (another time zone; a month in summer time).
 */
function periodCells(db: Db, scope: ReportScope, trendFromMs: number) {
  const offsetMs = scope.utcOffsetMinutes * 60_000;
  const stored = reportCellsOffsetMs(db) === offsetMs && [scope.fromMs, scope.toMs, trendFromMs].every((ms) => startsMonth(ms, offsetMs));
  const params = {
    branch: scope.branch ?? null, offset: offsetMs, fromMs: scope.fromMs, toMs: scope.toMs, trendFromMs,
    fromMonth: monthNumber(scope.fromMs, offsetMs), toMonth: monthNumber(scope.toMs, offsetMs),
    fromDay: Math.floor((trendFromMs + offsetMs) / DAY_MS), toDay: Math.floor((scope.toMs + offsetMs) / DAY_MS),
  };
  const rowsFrom = (from: string) => `c.received_ms >= ${from} AND c.received_ms < @toMs AND (@branch IS NULL OR c.branch = @branch)`;
  const months = stored
    ? `SELECT * FROM report_cells WHERE dim IN (${MONTH_DIMS}) AND period >= @fromMonth AND period < @toMonth`
    : cellsOfRows(MONTH_DIMENSIONS, OFFSET, rowsFrom('@fromMs'));
  const days = stored
    ? `SELECT * FROM report_cells WHERE dim = 'day' AND period >= @fromDay AND period < @toDay`
    : cellsOfRows(['day'], OFFSET, rowsFrom('@trendFromMs'));
  return {
    cells: statement(db, `SELECT dim, branch, key, ${CELL_SUMS} FROM (${months}) WHERE ${CELL_BRANCH} GROUP BY dim, branch, key HAVING sum(n) <> 0`).all(params) as CellSum[],
    days: (
      statement(db,
        `SELECT period, key AS content, sum(n) AS count, sum(rated) AS rated, sum(satisfaction_sum) AS satisfactionSum, sum(unreachable) AS unreachable
         FROM (${days}) WHERE ${CELL_BRANCH} GROUP BY period, key HAVING sum(n) <> 0 ORDER BY period, key`,
      ).all(params) as Array<{ period: number; content: string; count: number; rated: number; satisfactionSum: number; unreachable: number }>
    ).map(({ period, ...day }) => ({ day: new Date(period * DAY_MS).toISOString().slice(0, 10), ...day })),
  };
}

export function reportFigures(db: Db, scope: ReportScope, now: number): ReportFigures {
  const params = { fromMs: scope.fromMs, toMs: scope.toMs, branch: scope.branch ?? null, now };
  const { cells, days } = periodCells(db, scope, scope.trendFromMs ?? scope.fromMs);
  const of = (dim: CellSum['dim']) => cells.filter((c) => c.dim === dim);
  // Every case is in exactly one channel: the channel cells sum to the period's totals.
  const cases = of('channel');
  const total = sumOf(cases, 'n');
  const open = sumOf(cases, 'open');
  const closedCount = sumOf(cases, 'closedTimed');
  const p90 = closedCount
    ? (statement(db, `SELECT (closed_ms - received_ms) / 3600000.0 AS hours FROM complaints WHERE ${WHERE} AND closed_ms IS NOT NULL ORDER BY 1 LIMIT 1 OFFSET @at`)
        .get({ ...params, at: Math.min(closedCount - 1, Math.ceil(closedCount * 0.9) - 1) }) as { hours: number }).hours
    : null;
  const overdueByBranch = overdueOf(db, params, [...new Set(cases.map((c) => c.branch))]);
  const firstDay = new Date(scope.fromMs + scope.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
  const byDayContent = days.filter((d) => d.day >= firstDay).map(({ day, content, count }) => ({ day, content, count }));
  const contents = of('content');
  return {
    total,
    major: sumOf(cases, 'major'),
    byContent: countsOf(contents),
    bySeverity: countsOf(of('severity')),
    byChannel: countsOf(cases),
    byDay: tally(byDayContent, (r) => r.day, (r) => r.count).sort((x, y) => byBinary(x.key, y.key)),
    byCause: tally(of('cause'), (r) => r.key, (r) => r.n)
      .map(({ key, count }) => {
        const [content, cause] = JSON.parse(key) as [string, string];
        return { content, cause, count };
      })
      .sort((x, y) => y.count - x.count || byBinary(x.content, y.content) || byBinary(x.cause, y.cause))
      .slice(0, 10),
    open,
    overdue: [...overdueByBranch.values()].reduce((sum, n) => sum + n, 0),
    closed: total - open,
    handlingHours: { average: closedCount ? sumOf(cases, 'closedSpanMs') / closedCount / 3_600_000 : null, p90 },
    repeats: sumOf(cases, 'repeats'),
    satisfaction: countsOf(of('satisfaction')).sort((x, y) => byBinary(y.key, x.key)),
    unreachable: sumOf(cases, 'unreachable'),
    satisfactionByContent: [...groupBy(contents, (r) => r.key)]
      .map(([key, rows]) => ({ key, ...satisfactionOf(rows) }))
      .filter((r) => r.rated > 0)
      .sort((x, y) => y.rated - x.rated || byBinary(x.key, y.key)),
    // The month's own follow-ups and the months before it, by the month the complaint came in.
    satisfactionTrend: [...groupBy(days, (d) => d.day.slice(0, 7))].map(([month, rows]) => {
      const rated = rows.reduce((n, r) => n + r.rated, 0);
      return { month, rated, average: rated ? rows.reduce((n, r) => n + r.satisfactionSum, 0) / rated : null, unreachable: rows.reduce((n, r) => n + r.unreachable, 0) };
    }),
    byOwner: byStaff(of('owner'), of('taker')),
    steps: stepCompliance(db, params),
    signals: statement(db, `SELECT s.value AS key, count(*) AS count FROM complaints, json_each(complaints.signals) s WHERE ${WHERE} AND complaints.signals <> '[]' GROUP BY 1 ORDER BY 2 DESC, 1`).all(params) as Count[],
    byDayContent,
    repeaters: repeaters(db, params),
    byBranch: [...groupBy(cases, (r) => r.branch)]
      .map(([branch, rows]) => ({ branch, total: sumOf(rows, 'n'), overdue: overdueByBranch.get(branch) ?? 0, repeats: sumOf(rows, 'repeats'), averageSatisfaction: satisfactionOf(rows).average }))
      .sort((x, y) => byBinary(x.branch, y.branch)),
  };
}

/** Open cases of the period past their deadline, per branch: one range of the open cases' index each. */
function overdueOf(db: Db, params: Record<string, unknown>, branches: readonly string[]): Map<string, number> {
  const count = statement(db,
    `SELECT count(*) AS n FROM complaints INDEXED BY complaints_open_for_reports
     WHERE is_open = 1 AND branch = @branch AND received_ms >= @fromMs AND received_ms < @toMs AND due_at <= @now`,
  );
  return new Map(branches.map((branch) => [branch, (count.get({ ...params, branch }) as { n: number }).n]));
}

/** One customer: the customer record when there is one, else the phone's digits. */
const CUSTOMER_KEY = "coalesce(customer_id, 'phone:' || phone_digits)";

/**
 * The customers with the most repeat complaints in the period, and all their cases in it. Read from
 * the repeats (few) outwards, so a year at HQ does not group a million rows by customer.
 */
function repeaters(db: Db, params: Record<string, unknown>): ReportFigures['repeaters'] {
  const top = statement(db,
    `SELECT ${CUSTOMER_KEY} AS key, customer_id AS customerId, phone_digits AS phoneDigits, count(*) AS repeats
     FROM complaints WHERE ${WHERE} AND is_repeat = 1 GROUP BY 1 ORDER BY 4 DESC, 1 LIMIT 10`,
  ).all(params) as Array<{ key: string; customerId: string | null; phoneDigits: string; repeats: number }>;
  const casesOf = statement(db,
    `SELECT max(customer_name) AS name, max(customer_phone) AS phone, count(*) AS cases FROM complaints
     WHERE (customer_id = @customerId OR (@customerId IS NULL AND customer_id IS NULL AND phone_digits = @phoneDigits)) AND ${WHERE}`,
  );
  return top
    .map((r) => ({ key: r.key, repeats: r.repeats, ...(casesOf.get({ ...params, customerId: r.customerId, phoneDigits: r.phoneDigits }) as { name: string; phone: string; cases: number }) }))
    .sort((a, b) => b.cases - a.cases || b.repeats - a.repeats || a.key.localeCompare(b.key));
}

/** Owners and intake staff of the period's cases, with how the cases they own went. */
function byStaff(owners: readonly CellSum[], takers: readonly CellSum[]): ReportFigures['byOwner'] {
  const staff = new Map<string, ReportFigures['byOwner'][number] & { rated: number; satisfactionSum: number }>();
  const row = (id: string) => staff.get(id) ?? staff.set(id, { ownerId: id, taken: 0, owned: 0, closed: 0, closedOnTime: 0, averageSatisfaction: null, rated: 0, satisfactionSum: 0 }).get(id)!;
  for (const o of owners) {
    const owner = row(o.key);
    owner.owned += o.n;
    owner.closed += o.closed;
    owner.closedOnTime += o.closedOnTime;
    owner.rated += o.rated;
    owner.satisfactionSum += o.satisfactionSum;
  }
  for (const t of takers) row(t.key).taken += t.n;
  return [...staff.values()]
    .map(({ rated, satisfactionSum, ...r }) => ({ ...r, averageSatisfaction: rated ? satisfactionSum / rated : null }))
    .sort((a, b) => b.owned - a.owned || b.taken - a.taken || byBinary(a.ownerId, b.ownerId));
}

/** A step is on time when it ended by its deadline; a running one is overdue once the deadline has passed. */
const STEP_LATE = '(s.ended_ms > s.due_ms OR (s.ended_ms IS NULL AND s.due_ms <= @now))';

/** One step at a time along its own index range (migration 14): grouping a year's steps by step sorted them all. */
function stepCompliance(db: Db, params: Record<string, unknown>): ReportFigures['steps'] {
  const ofStep = statement(db,
    `SELECT count(*) AS n, coalesce(sum(s.ended_ms <= s.due_ms), 0) AS onTime, coalesce(sum(s.ended_ms > s.due_ms), 0) AS late,
       coalesce(sum(s.ended_ms IS NULL AND s.due_ms > @now), 0) AS openInTime, coalesce(sum(s.ended_ms IS NULL AND s.due_ms <= @now), 0) AS openOverdue
     FROM case_steps s INDEXED BY case_steps_by_step
     WHERE s.step = @step AND s.received_ms >= @fromMs AND s.received_ms < @toMs AND (@branch IS NULL OR s.branch = @branch)`,
  );
  return SLA_STEPS.flatMap((step) => {
    const { n, ...counts } = ofStep.get({ ...params, step }) as Omit<ReportFigures['steps'][number], 'step'> & { n: number };
    return n ? [{ step, ...counts }] : [];
  });
}

export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** The cases of a report, or of one of its figures (what a click on a bar opens), newest first. */
export function reportCases(db: Db, scope: ReportScope, figure: { dimension: ReportDimension; value: string } | null, limit: number, now: number): CaseRowWithOutcome[] {
  const params = { fromMs: scope.fromMs, toMs: scope.toMs, branch: scope.branch ?? null, offset: scope.utcOffsetMinutes * 60_000, value: figure?.value ?? null, limit, now };
  const condition = figure
    ? {
        content: "coalesce(content, 'none') = @value",
        severity: "coalesce(CAST(severity AS TEXT), 'none') = @value",
        channel: 'channel = @value',
        day: "date((received_ms + @offset) / 1000, 'unixepoch') = @value",
        satisfaction: 'CAST(satisfaction AS TEXT) = @value',
        owner: 'owner_id = @value',
        branch: 'branch = @value',
        signal: 'EXISTS (SELECT 1 FROM json_each(complaints.signals) WHERE value = @value)',
        overdue: 'is_open = 1 AND due_at <= @now',
        customer: `${CUSTOMER_KEY} = @value`,
        late_step: `EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = complaints.id AND s.step = @value AND ${STEP_LATE})`,
      }[figure.dimension]
    : null;
  return statement(db, `SELECT ${LIST_COLUMNS}, content, closed_ms, satisfaction FROM complaints WHERE ${WHERE} ${condition ? `AND ${condition}` : ''} ORDER BY received_hlc DESC LIMIT @limit`)
    .all(params) as CaseRowWithOutcome[];
}

/** The branches this desk holds cases of (one at a branch, all at HQ). */
export function reportBranches(db: Db): string[] {
  // One index probe per branch, not a scan of every case (DISTINCT reads a million rows at HQ).
  return (
    statement(db,
      `WITH RECURSIVE next(branch) AS (
         SELECT min(branch) FROM complaints
         UNION ALL SELECT (SELECT min(branch) FROM complaints WHERE branch > next.branch) FROM next WHERE next.branch IS NOT NULL)
       SELECT branch FROM next WHERE branch IS NOT NULL`,
    ).all() as Array<{ branch: string }>
  ).map((r) => r.branch);
}

/** How many cases the period received (last month's total beside this month's). */
export function periodTotal(db: Db, scope: ReportScope): number {
  return (statement(db, `SELECT count(*) AS n FROM complaints WHERE ${WHERE}`).get({ fromMs: scope.fromMs, toMs: scope.toMs, branch: scope.branch ?? null }) as { n: number }).n;
}

/** The period's major complaints, oldest first, with the fold's view for their handling. */
export function majorCasesOf(db: Db, scope: ReportScope, limit = 200): CaseView[] {
  return (statement(db, `SELECT ${viewOf()} AS view FROM complaints WHERE ${WHERE} AND major = 1 ORDER BY received_ms LIMIT @limit`).all({ fromMs: scope.fromMs, toMs: scope.toMs, branch: scope.branch ?? null, limit }) as Array<{ view: string }>).map(
    (r) => JSON.parse(r.view) as CaseView,
  );
}

export function savedMonthlyReport(db: Db, id: string): MonthlyReport | null {
  const row = statement(db, 'SELECT data FROM monthly_reports WHERE id = ?').get(id) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as MonthlyReport) : null;
}
