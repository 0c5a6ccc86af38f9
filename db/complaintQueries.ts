import type { CaseView } from '../shared/fold.js';
import type { Db } from './open.js';

export interface CaseListRow {
  id: string;
  case_number: string;
  customer_name: string;
  customer_phone: string;
  channel: string;
  status: string;
  received_at: string;
  received_hlc: string;
  conflict_count: number;
}

export interface CasePage {
  rows: CaseListRow[];
  /** Keyset of the last row, to continue after it; null on the last page. */
  next: { hlc: string; id: string } | null;
}

/** Newest first, by keyset so that page 500 costs what page 1 costs. */
export function listCasesNewestFirst(db: Db, limit: number, after?: { hlc: string; id: string }): CasePage {
  const columns = 'id, case_number, customer_name, customer_phone, channel, status, received_at, received_hlc, conflict_count';
  const rows = (
    after
      ? db
          .prepare(
            `SELECT ${columns} FROM complaints WHERE (received_hlc, id) < (?, ?)
             ORDER BY received_hlc DESC, id DESC LIMIT ?`,
          )
          .all(after.hlc, after.id, limit + 1)
      : db.prepare(`SELECT ${columns} FROM complaints ORDER BY received_hlc DESC, id DESC LIMIT ?`).all(limit + 1)
  ) as CaseListRow[];
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { rows: page, next: hasMore && last ? { hlc: last.received_hlc, id: last.id } : null };
}

export function countCases(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM complaints').get() as { n: number }).n;
}

export function getCaseView(db: Db, id: string): CaseView | null {
  const row = db.prepare('SELECT view FROM complaints WHERE id = ?').get(id) as { view: string } | undefined;
  return row ? (JSON.parse(row.view) as CaseView) : null;
}

/** Highest sequence used under a case-number prefix (branch-device-date), 0 if none. */
export function maxCaseSeq(db: Db, prefix: string): number {
  const row = db.prepare('SELECT max(case_seq) AS seq FROM complaints WHERE case_prefix = ?').get(prefix) as {
    seq: number | null;
  };
  return row.seq ?? 0;
}
