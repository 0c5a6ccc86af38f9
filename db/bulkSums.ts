import type { Db } from './open.js';
import { statement } from './statements.js';
import { addCellsOfCases, REPORT_CELL_TRIGGERS } from './reportCells.js';
import { CASE_COUNT_TRIGGERS, caseCountsOf } from './migrations.js';

/**
 * The report cells and the queue's totals are kept by triggers on the complaints rows, a row at a time.
 * Each firing costs about as much as the row itself (a pulled page of 10,000 new cases: 2.7 s with them,
 * 1.4 s without), so a page of many cases sets them aside, takes the cases' old sums away before it
 * writes, and adds their new sums after, grouped: the same totals for far less work. Same transaction,
 * so nothing else ever sees the triggers missing.
 */
export const BULK_CASES = 32;

const TRIGGERS = [...REPORT_CELL_TRIGGERS, ...CASE_COUNT_TRIGGERS];

function addCountsOfCases(db: Db, ids: string, sign: 1 | -1): void {
  statement(db, `INSERT INTO case_counts (key, n) SELECT key, ${sign} * n FROM (${caseCountsOf('id IN (SELECT value FROM json_each(@ids))')}) WHERE true
    ON CONFLICT (key) DO UPDATE SET n = n + excluded.n`).run({ ids });
}

/** Runs `write`, which rewrites the rows of `caseIds` (and no others), with the sums kept per page instead of per row. Call inside a transaction. */
export function keepingSumsInBulk(db: Db, caseIds: readonly string[], write: () => void): void {
  const triggers = statement(db, `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${TRIGGERS.map(() => '?').join(', ')})`).all(...TRIGGERS) as Array<{ name: string; sql: string }>;
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  const ids = JSON.stringify(caseIds);
  addCellsOfCases(db, ids, -1);
  addCountsOfCases(db, ids, -1);
  write();
  addCellsOfCases(db, ids, 1);
  addCountsOfCases(db, ids, 1);
  for (const { sql } of triggers) db.exec(sql);
}
