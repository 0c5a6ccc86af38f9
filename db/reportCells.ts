import type { Db } from './open.js';
import { statement } from './statements.js';

/**
 * Report cells: the complaints projection summed by branch, calendar period and one dimension at a
 * time, kept by triggers in the same transaction as the rows (migration 16). A year's figures at an HQ
 * desk then read a few thousand cells instead of grouping 150,000 cases (each GROUP BY sorted them all).
 *
 * The calendar is the desk's: days and months start at midnight of a fixed UTC offset kept beside the
 * cells (`report_cells_offset`). A period that does not start and end on those months (another offset,
 * a summer-time month) is summed from the rows with the same definitions, so its figures are the same.
 */

/** A row's expression, for a trigger's NEW/OLD or a query's table alias. */
type RowSql = (row: string) => string;

/** The sums every cell carries; which of them a figure reads depends on its dimension. */
const SUMS: ReadonlyArray<readonly [column: string, value: RowSql]> = [
  ['n', () => '1'],
  ['major', (r) => `${r}.major`],
  ['open', (r) => `${r}.is_open`],
  ['repeats', (r) => `${r}.is_repeat`],
  ['unreachable', (r) => `coalesce(${r}.follow_up_state = 'unreachable', 0)`],
  ['rated', (r) => `(${r}.satisfaction IS NOT NULL)`],
  ['satisfaction_sum', (r) => `coalesce(${r}.satisfaction, 0)`],
  ['closed_timed', (r) => `(${r}.closed_ms IS NOT NULL)`],
  ['closed_span_ms', (r) => `coalesce(${r}.closed_ms - ${r}.received_ms, 0)`],
  ['closed', (r) => `(${r}.is_open = 0)`],
  ['closed_on_time', (r) => `(${r}.is_open = 0 AND ${r}.late_steps = 0)`],
];

export const DAY_MS = 86_400_000;
const dayOf = (r: string, offset: string) => `((${r}.received_ms + ${offset}) / ${DAY_MS})`;
const monthOf = (r: string, offset: string) => `CAST(strftime('%Y%m', (${r}.received_ms + ${offset}) / 1000, 'unixepoch') AS INTEGER)`;

/** The dimensions: a case adds to one cell of each whose key is not null. Days only by content (the daily chart). */
const DIMENSIONS = {
  day: { period: dayOf, key: (r: string) => `coalesce(${r}.content, 'none')` },
  content: { period: monthOf, key: (r: string) => `coalesce(${r}.content, 'none')` },
  severity: { period: monthOf, key: (r: string) => `coalesce(CAST(${r}.severity AS TEXT), 'none')` },
  channel: { period: monthOf, key: (r: string) => `${r}.channel` },
  satisfaction: { period: monthOf, key: (r: string) => `CAST(${r}.satisfaction AS TEXT)` },
  cause: { period: monthOf, key: (r: string) => `CASE WHEN ${r}.content IS NOT NULL THEN json_array(${r}.content, ${r}.cause) END` },
  owner: { period: monthOf, key: (r: string) => `${r}.owner_id` },
  taker: { period: monthOf, key: (r: string) => `${r}.received_by` },
} satisfies Record<string, { period: (r: string, offset: string) => string; key: RowSql }>;

export type CellDimension = keyof typeof DIMENSIONS;
export const MONTH_DIMENSIONS = Object.keys(DIMENSIONS).filter((d) => d !== 'day') as Array<Exclude<CellDimension, 'day'>>;

const COLUMNS = `dim, period, branch, key, ${SUMS.map(([column]) => column).join(', ')}`;
const STORED_OFFSET = '(SELECT offset_ms FROM report_cells_offset)';

/** One case's cells, signed: +1 when its row is written, −1 when it is deleted. */
const rowCells = (row: 'NEW' | 'OLD', sign: '' | '-') =>
  Object.entries(DIMENSIONS)
    .map(([dim, { period, key }]) =>
      `SELECT '${dim}', ${period(row, 'o.offset_ms')}, ${row}.branch, ${key(row)}, ${SUMS.map(([, value]) => `${sign}${value(row)}`).join(', ')} FROM report_cells_offset o WHERE ${key(row)} IS NOT NULL`)
    .join('\n          UNION ALL ');

const ADD_UP = `ON CONFLICT (dim, period, branch, key) DO UPDATE SET ${SUMS.map(([column]) => `${column} = ${column} + excluded.${column}`).join(', ')}`;

/**
 * Cells summed from the complaints rows that match `where` (alias `c`), with days and months at
 * `offset` (SQL). The migration and a rebuild fill the table with it; a period off the stored calendar reads it.
 */
export function cellsOfRows(dimensions: readonly CellDimension[], offset: string, where: string): string {
  return dimensions
    .map((dim) => {
      const { period, key } = DIMENSIONS[dim];
      return `SELECT '${dim}' AS dim, ${period('c', offset)} AS period, c.branch AS branch, ${key('c')} AS key,
         ${SUMS.map(([column, value]) => `sum(${value('c')}) AS ${column}`).join(', ')}
       FROM complaints c WHERE ${key('c')} IS NOT NULL AND (${where}) GROUP BY 2, 3, 4`;
    })
    .join('\n     UNION ALL ');
}

const FILL = `INSERT INTO report_cells (${COLUMNS}) ${cellsOfRows(Object.keys(DIMENSIONS) as CellDimension[], STORED_OFFSET, '1')}`;

/**
 * Migration 16: the table, its calendar (Beijing time until a desk says otherwise), the triggers, the first
 * fill. It is built from the definitions above: changing them takes a new migration that makes the
 * triggers again and refills the cells.
 */
export const REPORT_CELLS_SCHEMA = `
      CREATE TABLE report_cells (
        dim    TEXT NOT NULL,
        period INTEGER NOT NULL,
        branch TEXT NOT NULL,
        key    TEXT NOT NULL,
        ${SUMS.map(([column]) => `${column} INTEGER NOT NULL`).join(',\n        ')},
        PRIMARY KEY (dim, period, branch, key)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE report_cells_offset (offset_ms INTEGER NOT NULL) STRICT;
      INSERT INTO report_cells_offset VALUES (${8 * 3_600_000});
      CREATE TRIGGER complaints_into_report_cells AFTER INSERT ON complaints BEGIN
        INSERT INTO report_cells (${COLUMNS})
          ${rowCells('NEW', '')}
          ${ADD_UP};
      END;
      CREATE TRIGGER complaints_out_of_report_cells AFTER DELETE ON complaints BEGIN
        INSERT INTO report_cells (${COLUMNS})
          ${rowCells('OLD', '-')}
          ${ADD_UP};
      END;
      ${FILL};`;

/** The triggers that keep the cells in step with the complaints rows. */
export const REPORT_CELL_TRIGGERS = ['complaints_into_report_cells', 'complaints_out_of_report_cells'];

/**
 * Adds (`sign` 1) or takes away (−1) the cells of the cases whose ids are in the JSON array `@ids`:
 * what the triggers do a row at a time, for a page of many cases at once (see `keepingSumsInBulk`).
 */
export function addCellsOfCases(db: Db, ids: string, sign: 1 | -1): void {
  const where = 'c.id IN (SELECT value FROM json_each(@ids))';
  statement(db, `INSERT INTO report_cells (${COLUMNS})
    SELECT dim, period, branch, key, ${SUMS.map(([column]) => `${sign} * ${column}`).join(', ')}
    FROM (${cellsOfRows(Object.keys(DIMENSIONS) as CellDimension[], STORED_OFFSET, where)}) WHERE true
    ${ADD_UP}`).run({ ids });
}

/** Every cell summed again from the rows (a rebuild refills the rows with the triggers set aside). */
export function refillReportCells(db: Db): void {
  db.exec(`DELETE FROM report_cells; ${FILL}`);
}

export function reportCellsOffsetMs(db: Db): number {
  return (statement(db, 'SELECT offset_ms FROM report_cells_offset').get() as { offset_ms: number }).offset_ms;
}

/** Moves the cells to the desk's calendar when its time zone is not the one they were summed in. */
export function alignReportCells(db: Db, offsetMs: number): void {
  if (reportCellsOffsetMs(db) === offsetMs) return;
  db.transaction(() => {
    db.prepare('UPDATE report_cells_offset SET offset_ms = ?').run(offsetMs);
    refillReportCells(db);
  })();
}
