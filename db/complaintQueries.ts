import { statement } from './statements.js';
import type { CaseView } from '../shared/fold.js';
import type { CaseFilter } from '../shared/contract.js';
import type { Db } from './open.js';

export interface CaseListRow {
  id: string;
  case_number: string;
  customer_name: string;
  customer_phone: string;
  channel: string;
  status: string;
  severity: number | null;
  major: number;
  owner_id: string;
  chase_count: number;
  is_repeat: number;
  received_at: string;
  received_hlc: string;
  conflict_count: number;
  sla_step: string | null;
  due_at: number | null;
  due_soon_at: number | null;
}

export const LIST_COLUMNS = `id, case_number, customer_name, customer_phone, channel, status, severity, major, owner_id,
  chase_count, is_repeat, received_at, received_hlc, conflict_count, sla_step, due_at, due_soon_at`;

/**
 * Most urgent first: unsettled conflicts, then major and level-1 cases, then the nearest deadline
 * (9e15 stands for "no deadline": after every real and every stopped clock), then the graver case.
 */
const ORDER = {
  urgency: 'is_open DESC, (conflict_count > 0) DESC, (major = 1 OR coalesce(severity, 4) = 1) DESC, coalesce(due_at, 9e15) ASC, major DESC, coalesce(severity, 4) ASC, id ASC',
  newest: 'received_hlc DESC, id DESC',
} as const;

function where(filter: CaseFilter, viewerId: string): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.scope === 'mine') {
    clauses.push('owner_id = ?');
    params.push(viewerId);
  }
  if (filter.state !== 'any') clauses.push(filter.state === 'open' ? 'is_open = 1' : 'is_open = 0');
  if (filter.status) {
    clauses.push('status = ?');
    params.push(filter.status);
  }
  if (filter.severity !== undefined) {
    clauses.push('severity = ?');
    params.push(filter.severity);
  }
  if (filter.major !== undefined) clauses.push(filter.major ? 'major = 1' : 'major = 0');
  if (filter.conflicts !== undefined) clauses.push(filter.conflicts ? 'conflict_count > 0' : 'conflict_count = 0');
  if (filter.repeat !== undefined) clauses.push(filter.repeat ? 'is_repeat = 1' : 'is_repeat = 0');
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function listCases(db: Db, filter: CaseFilter, viewerId: string, limit: number, offset: number): { rows: CaseListRow[]; total: number } {
  const { sql, params } = where(filter, viewerId);
  const rows = statement(db, `SELECT ${LIST_COLUMNS} FROM complaints ${sql} ORDER BY ${ORDER[filter.sort]} LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as CaseListRow[];
  return { rows, total: countedTotal(db, filter, viewerId) ?? (statement(db, `SELECT count(*) AS n FROM complaints ${sql}`).get(...params) as { n: number }).n };
}

/** The total from the maintained counters when the filter is one they keep (scope and state only). */
function countedTotal(db: Db, filter: CaseFilter, viewerId: string): number | null {
  const narrowed = [filter.status, filter.severity, filter.major, filter.conflicts, filter.repeat].some((v) => v !== undefined);
  if (narrowed) return null;
  const open = filter.state === 'any' ? null : filter.state === 'open' ? 1 : 0;
  const key = filter.scope === 'mine' ? (open === null ? `owner:${viewerId}` : `owner_open:${viewerId}:${open}`) : open === null ? 'all' : `open:${open}`;
  return (statement(db, 'SELECT n FROM case_counts WHERE key = ?').get(key) as { n: number } | undefined)?.n ?? 0;
}

/** A case's folded view, kept apart from its row (migration 19), read beside a row of `complaints` named `row`. */
export const viewOf = (row = 'complaints') => `(SELECT view FROM complaint_views WHERE case_rowid = ${row}.rowid)`;

export function getCaseView(db: Db, id: string): CaseView | null {
  const row = statement(db, `SELECT ${viewOf()} AS view FROM complaints WHERE id = ?`).get(id) as { view: string } | undefined;
  return row ? (JSON.parse(row.view) as CaseView) : null;
}

export function caseNumbersOf(db: Db, ids: readonly string[]): Array<{ id: string; case_number: string; received_at: string }> {
  if (!ids.length) return [];
  return statement(db, `SELECT id, case_number, received_at FROM complaints WHERE id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as Array<{ id: string; case_number: string; received_at: string }>;
}

/** Cases of one customer (by id or by phone digits), newest first, received since `sinceIso`. */
export function casesOfCustomer(db: Db, customerId: string | null, phoneDigits: string, sinceIso = ''): CaseView[] {
  const rows = statement(db, `SELECT ${viewOf()} AS view ${OF_CUSTOMER}`).all(customerId, phoneDigits, sinceIso) as Array<{ view: string }>;
  return rows.map((r) => JSON.parse(r.view) as CaseView);
}

/** A customer's latest cases, newest first (a customer, or a phone before the customer is known). */
const OF_CUSTOMER = `FROM complaints WHERE (customer_id = ? OR phone_digits = ?) AND received_at >= ? ORDER BY received_hlc DESC LIMIT 200`;

/**
 * What finding a repeat needs of the same cases, without reading each whole case: a business customer
 * with 400 cases made every new one read and parse 200 full cases (12 ms a case, 125 ms with long texts).
 */
export function descriptionsOfCustomer(db: Db, customerId: string | null, phoneDigits: string, sinceIso: string): Array<Pick<CaseView, 'id' | 'caseNumber' | 'receivedAt' | 'description'>> {
  return statement(db, `SELECT id, case_number AS caseNumber, received_at AS receivedAt, json_extract(${viewOf()}, '$.description') AS description ${OF_CUSTOMER}`).all(
    customerId,
    phoneDigits,
    sinceIso,
  ) as Array<Pick<CaseView, 'id' | 'caseNumber' | 'receivedAt' | 'description'>>;
}

/** Open cases past their deadline, and those due soon, at `now`. */
export function deadlineCounts(db: Db, now: number): { overdue: number; dueSoon: number } {
  return statement(db,
      `SELECT coalesce(sum(due_at <= @now), 0) AS overdue, coalesce(sum(due_soon_at <= @now AND due_at > @now), 0) AS dueSoon
       FROM complaints WHERE is_open = 1 AND due_soon_at <= @now`,
    )
    .get({ now }) as { overdue: number; dueSoon: number };
}

/** Highest sequence used under a case-number prefix (branch-device-date), 0 if none. */
export function maxCaseSeq(db: Db, prefix: string): number {
  const row = statement(db, 'SELECT max(case_seq) AS seq FROM complaints WHERE case_prefix = ?').get(prefix) as {
    seq: number | null;
  };
  return row.seq ?? 0;
}

/** Where a pass over the escalation candidates goes on: first the uncontacted by age, then the chased. */
export interface EscalationCursor {
  phase: 'contact' | 'chasers';
  receivedMs: number;
  rowid: number;
}
export const FIRST_ESCALATION_CURSOR: EscalationCursor = { phase: 'contact', receivedMs: -1, rowid: 0 };

/**
 * Open, ungraded cases that may be due for automatic escalation: no contact since before
 * `receivedBefore`, or at least `chasers` chasers; up to `limit` (-1: all) after `cursor`, and where
 * to go on from (null: the pass is done). Each phase walks an index in order, never the whole table:
 * at a million open cases a scan and sort per batch made the catch-up a hundred times slower.
 */
export function escalationCandidates(db: Db, receivedBefore: number, chasers: number, cursor: EscalationCursor, limit = -1): { views: CaseView[]; next: EscalationCursor | null } {
  const params = { before: receivedBefore, chasers, afterMs: cursor.receivedMs, afterRowid: cursor.rowid, limit };
  const rows = (
    cursor.phase === 'contact'
      ? statement(db,
          `SELECT rowid, received_ms, ${viewOf()} AS view FROM complaints INDEXED BY complaints_awaiting_contact
           WHERE is_open = 1 AND needs_contact = 1 AND received_ms <= @before AND received_ms >= @afterMs AND (received_ms > @afterMs OR rowid > @afterRowid)
             AND severity IS NULL AND major = 0
           ORDER BY received_ms, rowid LIMIT @limit`,
        ).all(params)
      : statement(db,
          `SELECT rowid, received_ms, ${viewOf()} AS view FROM complaints INDEXED BY complaints_chased
           WHERE is_open = 1 AND chase_count > 0 AND chase_count >= @chasers AND rowid > @afterRowid AND severity IS NULL AND major = 0
           ORDER BY rowid LIMIT @limit`,
        ).all(params)
  ) as Array<{ rowid: number; received_ms: number; view: string }>;
  const last = rows[rows.length - 1];
  const next: EscalationCursor | null =
    last && limit > 0 && rows.length === limit ? { phase: cursor.phase, receivedMs: last.received_ms, rowid: last.rowid } : cursor.phase === 'contact' ? { phase: 'chasers', receivedMs: -1, rowid: 0 } : null;
  return { views: rows.map((r) => JSON.parse(r.view) as CaseView), next };
}

/** Where a pass over the open cases near a deadline goes on from: the last index entry read. */
export interface AlarmCursor {
  dueSoonAt: number;
  dueAt: number;
  step: string;
  stepStart: number;
  rowid: number;
}
export const FIRST_ALARM_CURSOR: AlarmCursor = { dueSoonAt: -1, dueAt: -1, step: '', stepStart: -1, rowid: 0 };

/** An alarm to ring: the case, the step whose deadline it is, and whether it is near or past. */
export interface AlarmRow {
  id: string;
  caseNumber: string;
  slaStep: string;
  stepStartedAtMs: number;
  threshold: 'overdue' | 'due_soon';
}

/** Index entries read per alarm a call may return: most cases near a deadline have rung already. */
const ALARM_SCAN_PER_RESULT = 20;

/**
 * Open cases whose current deadline is due soon or past at `now` and whose alarm for that step and
 * threshold this desk has not raised yet: up to `limit` (-1: all) from the index of open cases near a
 * deadline after `cursor`, reading at most `limit` × 20 entries, and where to go on from (null: the
 * pass is done). The index is named and walked in order, a bounded stretch per call: re-reading it
 * from the start for every batch, past the alarms already raised, made a catch-up over a million
 * cases quadratic.
 */
export function alarmsToRaise(db: Db, now: number, cursor: AlarmCursor, limit = -1): { rows: AlarmRow[]; next: AlarmCursor | null } {
  const scan = limit > 0 ? limit * ALARM_SCAN_PER_RESULT : -1;
  const scanned = statement(db,
    `SELECT c.rowid AS rowid, c.id, c.case_number AS caseNumber, c.sla_step AS slaStep, c.step_started_ms AS stepStartedAtMs,
       c.due_soon_at AS dueSoonAt, c.due_at AS dueAt, CASE WHEN c.due_at <= @now THEN 'overdue' ELSE 'due_soon' END AS threshold
     FROM complaints c INDEXED BY complaints_open_due_soon
     WHERE c.is_open = 1 AND c.due_soon_at <= @now
       AND (c.due_soon_at, c.due_at, c.sla_step, c.step_started_ms, c.rowid) > (@dueSoonAt, @dueAt, @step, @stepStart, @rowid)
     ORDER BY c.due_soon_at, c.due_at, c.sla_step, c.step_started_ms, c.rowid LIMIT @scan`,
  ).all({ now, scan, ...cursor }) as Array<AlarmRow & { rowid: number; dueSoonAt: number; dueAt: number }>;
  const raised = statement(db, 'SELECT 1 FROM alarms_raised WHERE case_id = ? AND step = ? AND step_start = ? AND threshold = ?');
  const rows: AlarmRow[] = [];
  const cursorAt = (r: (typeof scanned)[number]): AlarmCursor => ({ dueSoonAt: r.dueSoonAt, dueAt: r.dueAt, step: r.slaStep, stepStart: r.stepStartedAtMs, rowid: r.rowid });
  for (const r of scanned) {
    if (raised.get(r.id, r.slaStep, r.stepStartedAtMs, r.threshold)) continue;
    rows.push({ id: r.id, caseNumber: r.caseNumber, slaStep: r.slaStep, stepStartedAtMs: r.stepStartedAtMs, threshold: r.threshold });
    if (rows.length === limit) return { rows, next: cursorAt(r) };
  }
  const last = scanned[scanned.length - 1];
  return { rows, next: last && scanned.length === scan ? cursorAt(last) : null };
}

/** The case already created on this desk for a form's request id, if any. */
export function caseOfRequest(db: Db, requestId: string): string | null {
  const row = statement(db, 'SELECT case_id FROM intake_requests WHERE request_id = ?').get(requestId) as { case_id: string } | undefined;
  return row?.case_id ?? null;
}

export function recordRequest(db: Db, requestId: string, caseId: string, at: number): void {
  statement(db, 'INSERT INTO intake_requests (request_id, case_id, created_at) VALUES (?, ?, ?)').run(requestId, caseId, at);
}

/** Cases whose result was fed back and whose follow-up call is still to be made, nearest deadline first. */
export function awaitingFollowUp(db: Db, limit = 500): Array<{ row: CaseListRow; view: CaseView }> {
  const rows = statement(db, `SELECT ${LIST_COLUMNS}, ${viewOf()} AS view FROM complaints WHERE status = 'fed_back' ORDER BY due_at, id LIMIT ?`)
    .all(limit) as Array<CaseListRow & { view: string }>;
  return rows.map(({ view, ...row }) => ({ row, view: JSON.parse(view) as CaseView }));
}

export interface SearchFilter {
  state?: 'open' | 'closed';
  severity?: number;
  content?: string;
  branch?: string;
  ownerId?: string;
  /** Received on or after / before these instants (ms). */
  fromMs?: number;
  toMs?: number;
}

/** A listed case with how it ended: what an exported list carries. */
export type CaseRowWithOutcome = CaseListRow & { content: string | null; closed_ms: number | null; satisfaction: number | null };

/**
 * How many matches are ranked: a common word at an HQ desk matches a hundred thousand cases, and
 * scoring them all took half a second at a million cases. Beyond this many, the best are chosen
 * among the most recently written, which is also where a clerk's case usually is.
 */
const RANKED_MATCHES = 1_000;

/** Cases matching an FTS5 query (shared/search.ts), best match first, narrowed by the filters. */
export function searchCases(db: Db, match: string, filter: SearchFilter, limit: number): Array<CaseRowWithOutcome & { description: string; score: number }> {
  const clauses = ['case_fts MATCH @match'];
  if (filter.state) clauses.push(filter.state === 'open' ? 'c.is_open = 1' : 'c.is_open = 0');
  if (filter.severity !== undefined) clauses.push('c.severity = @severity');
  if (filter.content) clauses.push('c.content = @content');
  if (filter.branch) clauses.push('c.branch = @branch');
  if (filter.ownerId) clauses.push('c.owner_id = @ownerId');
  if (filter.fromMs !== undefined) clauses.push('c.received_ms >= @fromMs');
  if (filter.toMs !== undefined) clauses.push('c.received_ms < @toMs');
  const columns = LIST_COLUMNS.split(',').map((c) => `c.${c.trim()}`).join(', ');
  // FTS5 walks its matches newest first without sorting and stops at the window; only the best few are
  // then read whole (a bound of `rowid >= floor` instead made FTS5 read the term's whole list).
  return statement(db,
    `WITH recent AS (
       SELECT case_fts.rowid AS id, bm25(case_fts) AS score FROM case_fts JOIN complaints c ON c.rowid = case_fts.rowid
       WHERE ${clauses.join(' AND ')} ORDER BY case_fts.rowid DESC LIMIT @window),
     best AS (
       SELECT recent.id, recent.score, c.received_hlc AS hlc FROM recent JOIN complaints c ON c.rowid = recent.id ORDER BY recent.score, hlc DESC LIMIT @limit)
     SELECT ${columns}, c.content, c.closed_ms, c.satisfaction, json_extract(${viewOf('c')}, '$.description') AS description, best.score
     FROM best JOIN complaints c ON c.rowid = best.id ORDER BY best.score, best.hlc DESC`,
  ).all({ ...filter, match, limit, window: Math.max(limit, RANKED_MATCHES) }) as Array<CaseRowWithOutcome & { description: string; score: number }>;
}
