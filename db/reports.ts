import { statement } from './statements.js';
import type { Db } from './open.js';
import type { ReportFigures } from '../shared/reportFigures.js';
import type { CaseView } from '../shared/fold.js';
import type { MonthlyReport } from '../shared/monthlyReport.js';
import { LIST_COLUMNS, type CaseRowWithOutcome } from './complaintQueries.js';
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

/** One row of the period's cases grouped by every small dimension at once; the figures are sums of these. */
interface CubeRow {
  severity: string;
  channel: string;
  branch: string;
  content: string;
  satisfaction: number | null;
  n: number;
  major: number;
  open: number;
  overdue: number;
  repeats: number;
  unreachable: number;
  closedTimed: number;
  closedSpanMs: number;
}
type CubeSum = keyof Omit<CubeRow, 'severity' | 'channel' | 'branch' | 'content' | 'satisfaction'>;

const byBinary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sumOf = (rows: readonly CubeRow[], field: CubeSum) => rows.reduce((total, r) => total + r[field], 0);

/** Counts summed by a key, in first-seen order. */
function tally<T>(rows: readonly T[], key: (r: T) => string, count: (r: T) => number): Count[] {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(key(r), (sums.get(key(r)) ?? 0) + count(r));
  return [...sums].map(([k, n]) => ({ key: k, count: n }));
}

/** Counts of one dimension, most first (ties by key), as the charts show them. */
const countsOf = (rows: readonly CubeRow[], key: (r: CubeRow) => string): Count[] =>
  tally(rows, key, (r) => r.n).sort((x, y) => y.count - x.count || byBinary(x.key, y.key));

/** Satisfaction (1–5) averaged over the rows that have one, with how many rated. */
function satisfactionOf(rows: readonly CubeRow[]): { rated: number; average: number | null } {
  let rated = 0;
  let sum = 0;
  for (const r of rows) {
    if (r.satisfaction === null) continue;
    rated += r.n;
    sum += r.satisfaction * r.n;
  }
  return { rated, average: rated ? sum / rated : null };
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

export function reportFigures(db: Db, scope: ReportScope, now: number): ReportFigures {
  const params = { fromMs: scope.fromMs, toMs: scope.toMs, branch: scope.branch ?? null, now, offset: scope.utcOffsetMinutes * 60_000 };
  const trendParams = { ...params, fromMs: scope.trendFromMs ?? scope.fromMs };
  // One pass over the covering index for the totals, severity, channel, branches and satisfaction: at an
  // HQ desk a year is 150,000 cases, and each separate query read and sorted them all again.
  const cube = statement(db,
    `SELECT coalesce(CAST(severity AS TEXT), 'none') AS severity, channel, branch, coalesce(content, 'none') AS content, satisfaction,
       count(*) AS n, coalesce(sum(major), 0) AS major, coalesce(sum(is_open), 0) AS open, coalesce(sum(is_open = 1 AND due_at <= @now), 0) AS overdue,
       coalesce(sum(is_repeat), 0) AS repeats, coalesce(sum(follow_up_state = 'unreachable'), 0) AS unreachable,
       count(closed_ms) AS closedTimed, coalesce(sum(closed_ms - received_ms), 0) AS closedSpanMs
     FROM complaints WHERE ${WHERE} GROUP BY 1, 2, 3, 4, 5`,
  ).all(params) as CubeRow[];
  const total = sumOf(cube, 'n');
  const open = sumOf(cube, 'open');
  const closedCount = sumOf(cube, 'closedTimed');
  const p90 = closedCount
    ? (statement(db, `SELECT (closed_ms - received_ms) / 3600000.0 AS hours FROM complaints WHERE ${WHERE} AND closed_ms IS NOT NULL ORDER BY 1 LIMIT 1 OFFSET @at`)
        .get({ ...params, at: Math.min(closedCount - 1, Math.ceil(closedCount * 0.9) - 1) }) as { hours: number }).hours
    : null;
  // Days of the trend's months and the period's in one pass (a year at HQ is 150,000 rows per pass):
  // the period's days by content, and every month's satisfaction summed from its days.
  const days = statement(db,
    `SELECT date((received_ms + @offset) / 1000, 'unixepoch') AS day, coalesce(content, 'none') AS content, count(*) AS count,
       count(satisfaction) AS rated, coalesce(sum(satisfaction), 0) AS satisfactionSum, coalesce(sum(follow_up_state = 'unreachable'), 0) AS unreachable
     FROM complaints WHERE ${WHERE} GROUP BY 1, 2 ORDER BY 1, 2`,
  ).all(trendParams) as Array<ReportFigures['byDayContent'][number] & { rated: number; satisfactionSum: number; unreachable: number }>;
  const firstDay = new Date(scope.fromMs + params.offset).toISOString().slice(0, 10);
  const byDayContent = days.filter((d) => d.day >= firstDay).map(({ day, content, count }) => ({ day, content, count }));
  const rated = cube.filter((r) => r.satisfaction !== null);
  return {
    total,
    major: sumOf(cube, 'major'),
    byContent: countsOf(cube, (r) => r.content),
    bySeverity: countsOf(cube, (r) => r.severity),
    byChannel: countsOf(cube, (r) => r.channel),
    byDay: tally(byDayContent, (r) => r.day, (r) => r.count).sort((x, y) => byBinary(x.key, y.key)),
    byCause: statement(db, `SELECT content, cause, count(*) AS count FROM complaints WHERE ${WHERE} AND content IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 10`)
      .all(params) as ReportFigures['byCause'],
    open,
    overdue: sumOf(cube, 'overdue'),
    closed: total - open,
    handlingHours: { average: closedCount ? sumOf(cube, 'closedSpanMs') / closedCount / 3_600_000 : null, p90 },
    repeats: sumOf(cube, 'repeats'),
    satisfaction: countsOf(rated, (r) => String(r.satisfaction)).sort((x, y) => byBinary(y.key, x.key)),
    unreachable: sumOf(cube, 'unreachable'),
    satisfactionByContent: [...groupBy(rated, (r) => r.content)]
      .map(([key, rows]) => ({ key, ...satisfactionOf(rows) }))
      .sort((x, y) => y.rated - x.rated || byBinary(x.key, y.key)),
    // The month's own follow-ups and the months before it, by the month the complaint came in.
    satisfactionTrend: [...groupBy(days, (d) => d.day.slice(0, 7))].map(([month, rows]) => {
      const rated = rows.reduce((n, r) => n + r.rated, 0);
      return { month, rated, average: rated ? rows.reduce((n, r) => n + r.satisfactionSum, 0) / rated : null, unreachable: rows.reduce((n, r) => n + r.unreachable, 0) };
    }),
    byOwner: byStaff(db, params),
    steps: stepCompliance(db, params),
    signals: statement(db, `SELECT s.value AS key, count(*) AS count FROM complaints, json_each(complaints.signals) s WHERE ${WHERE} AND complaints.signals <> '[]' GROUP BY 1 ORDER BY 2 DESC, 1`).all(params) as Count[],
    byDayContent,
    repeaters: repeaters(db, params),
    byBranch: [...groupBy(cube, (r) => r.branch)]
      .map(([branch, rows]) => ({ branch, total: sumOf(rows, 'n'), overdue: sumOf(rows, 'overdue'), repeats: sumOf(rows, 'repeats'), averageSatisfaction: satisfactionOf(rows).average }))
      .sort((x, y) => byBinary(x.branch, y.branch)),
  };
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

/** Owners and intake staff of the period's cases, with how their cases went: one pass, owner × taker. */
function byStaff(db: Db, params: Record<string, unknown>): ReportFigures['byOwner'] {
  const pairs = statement(db,
    `SELECT owner_id AS ownerId, received_by AS takenBy, count(*) AS n, coalesce(sum(is_open = 0), 0) AS closed,
       coalesce(sum(is_open = 0 AND late_steps = 0), 0) AS closedOnTime, count(satisfaction) AS rated, coalesce(sum(satisfaction), 0) AS satisfactionSum
     FROM complaints WHERE ${WHERE} GROUP BY 1, 2`,
  ).all(params) as Array<{ ownerId: string; takenBy: string; n: number; closed: number; closedOnTime: number; rated: number; satisfactionSum: number }>;
  const staff = new Map<string, ReportFigures['byOwner'][number] & { rated: number; satisfactionSum: number }>();
  const row = (id: string) => staff.get(id) ?? staff.set(id, { ownerId: id, taken: 0, owned: 0, closed: 0, closedOnTime: 0, averageSatisfaction: null, rated: 0, satisfactionSum: 0 }).get(id)!;
  for (const p of pairs) {
    const owner = row(p.ownerId);
    owner.owned += p.n;
    owner.closed += p.closed;
    owner.closedOnTime += p.closedOnTime;
    owner.rated += p.rated;
    owner.satisfactionSum += p.satisfactionSum;
    row(p.takenBy).taken += p.n;
  }
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
  return (statement(db, `SELECT view FROM complaints WHERE ${WHERE} AND major = 1 ORDER BY received_ms LIMIT @limit`).all({ fromMs: scope.fromMs, toMs: scope.toMs, branch: scope.branch ?? null, limit }) as Array<{ view: string }>).map(
    (r) => JSON.parse(r.view) as CaseView,
  );
}

export function savedMonthlyReport(db: Db, id: string): MonthlyReport | null {
  const row = statement(db, 'SELECT data FROM monthly_reports WHERE id = ?').get(id) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as MonthlyReport) : null;
}
