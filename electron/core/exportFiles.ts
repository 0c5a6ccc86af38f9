import ExcelJS from 'exceljs';
import type { ParsedRequestOf } from '../../shared/contract.js';
import { instantOf } from '../../shared/sla/time.js';
import type { CaseRowWithOutcome } from '../../db/complaintQueries.js';

export type ExportOptions = Pick<ParsedRequestOf<'reports.export'>, 'format' | 'columns' | 'words' | 'sheet'>;

/** An Excel sheet holds about a million rows; a CSV is held to the same so both carry the same list. */
export const MAX_EXPORT_ROWS = 1_000_000;

/**
 * A spreadsheet program runs a cell that starts with one of these as a formula (CSV injection): a
 * customer's "=HYPERLINK(…)" must reach the reader as text. OWASP's advice: lead with a quote.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const pad = (n: number) => String(n).padStart(2, '0');
/** A date shifted so its UTC fields read as the branch's wall clock. */
const wallClockText = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

/**
 * A list of cases as an .xlsx workbook (date cells, bold headers) or a CSV file (UTF-8 with a BOM so
 * Excel reads Chinese right, CRLF rows), with headers and code words in the reader's language.
 */
export async function exportCaseRows(rows: readonly CaseRowWithOutcome[], staffName: (id: string) => string, options: ExportOptions, timeZone: string): Promise<Buffer> {
  const word = (code: string | number | null) => (code === null ? '' : (options.words[String(code)] ?? String(code)));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheet);
  sheet.columns = options.columns.map((header, i) => ({ header, key: String(i), width: i === 0 ? 24 : i === 2 || i === 3 ? 16 : 14 }));
  // Date cells hold the branch's wall-clock time, which is what a spreadsheet reader expects to see.
  const shift = instantOf('2000-01-01', 0, 'UTC') - instantOf('2000-01-01', 0, timeZone);
  const local = (ms: number) => new Date(ms + shift);
  for (const r of rows) {
    sheet.addRow([
      r.case_number,
      local(Date.parse(r.received_at)),
      r.customer_name,
      r.customer_phone,
      word(r.channel),
      word(r.status),
      word(r.severity === null ? null : `severity.${r.severity}`),
      r.major ? word('major') : '',
      word(r.content ? `content.${r.content}` : null),
      staffName(r.owner_id),
      r.closed_ms === null ? null : local(r.closed_ms),
      r.satisfaction === null ? null : word(`satisfaction.${r.satisfaction}`),
    ]);
  }
  if (options.format === 'csv') {
    const cell = (value: unknown) => {
      if (value instanceof Date) return wallClockText(value);
      if (typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
      return value ?? '';
    };
    return Buffer.from(await workbook.csv.writeBuffer({ map: cell, formatterOptions: { writeBOM: true, rowDelimiter: '\r\n' } }));
  }
  for (const column of [2, 11]) sheet.getColumn(column).numFmt = 'yyyy-mm-dd hh:mm';
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A report's tables, already in the reader's words, one sheet each; the first row of each is its header. */
export async function tablesWorkbook(sheets: ReadonlyArray<{ name: string; rows: ReadonlyArray<ReadonlyArray<string | number>> }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, rows } of sheets) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRows(rows.map((row) => [...row]));
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column, i) => (column.width = i === 0 ? 28 : 16));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
