import type { Db } from '../../db/open.js';
import { majorCasesOf, periodTotal, reportBranches, reportCases, reportFigures, savedMonthlyReport, type ReportDimension, type ReportScope } from '../../db/reports.js';
import { monthlyReportId } from '../../shared/monthlyReport.js';
import { staffNames } from '../../db/referenceQueries.js';
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract.js';
import type { StaffView } from '../../shared/referenceFold.js';
import type { Settings } from '../../shared/settings.js';
import { instantOf } from '../../shared/sla/time.js';
import { alignReportCells } from '../../db/reportCells.js';
import { exportCaseRows, MAX_EXPORT_ROWS, tablesWorkbook, type ExportOptions } from './exportFiles.js';
import type { CaseRowWithOutcome } from '../../db/complaintQueries.js';
import type { Clock } from './clock.js';
import type { EventWriter } from './eventWriter.js';
import { requireRole } from './staffService.js';
import { searchRows, summaryOfRow } from './caseService.js';

/** How many months the satisfaction trend shows, the report's own month the last. */
const TREND_MONTHS = 6;

/** `YYYY-MM` moved by `by` months. */
const shiftMonth = (month: string, by: number) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** How far east of UTC a zone's clocks stand at the start of a calendar day, in ms. */
const offsetMsOn = (day: string, timeZone: string) => Date.parse(`${day}T00:00:00Z`) - instantOf(day, 0, timeZone);

/**
 * Reports for supervisors and managers: a month's figures from the projection's columns, the cases
 * behind a figure, and those cases as Excel or CSV (built here, off the window's thread).
 */
export function createReportService(db: Db, writer: EventWriter, clock: Clock, settings: () => Settings) {
  const scopeOf = (month: string, branch: string | undefined): ReportScope => {
    const { timeZone } = settings();
    const fromMs = instantOf(`${month}-01`, 0, timeZone);
    return {
      fromMs,
      toMs: instantOf(`${shiftMonth(month, 1)}-01`, 0, timeZone),
      ...(branch ? { branch } : {}),
      utcOffsetMinutes: Math.round(offsetMsOn(`${month}-01`, timeZone) / 60_000),
      trendFromMs: instantOf(`${shiftMonth(month, 1 - TREND_MONTHS)}-01`, 0, timeZone),
    };
  };
  // The report cells follow the desk's time zone (its standard time: summer months are summed from the
  // rows). Checked at the first report, not at start: moving them re-sums every case once.
  let cellsAligned = false;
  const alignCells = () => {
    if (cellsAligned) return;
    const { timeZone } = settings();
    const year = new Date(clock.now()).getUTCFullYear();
    alignReportCells(db, Math.min(offsetMsOn(`${year}-01-01`, timeZone), offsetMsOn(`${year}-07-01`, timeZone)));
    cellsAligned = true;
  };
  const casesOf = (request: { month: string; branch?: string | undefined; dimension?: ReportDimension | undefined; value?: string | undefined }, limit: number) =>
    reportCases(db, scopeOf(request.month, request.branch), request.dimension && request.value !== undefined ? { dimension: request.dimension, value: request.value } : null, limit, clock.now());

  const draftOf = (month: string, branch: string | undefined) => {
    alignCells();
    const scope = scopeOf(month, branch);
    const now = clock.now();
    return {
      month,
      branch: branch ?? null,
      figures: reportFigures(db, scope, now),
      previousTotal: periodTotal(db, scopeOf(shiftMonth(month, -1), branch)),
      // How each major complaint was handled, in the words recorded on it.
      majors: majorCasesOf(db, scope).map((v) => ({ caseNumber: v.caseNumber, status: v.status, handling: v.execution ?? v.proposal?.remedy ?? v.findings ?? '' })),
    };
  };

  /** Writes the file and records who exported what (the rows carry customers' names and phones). */
  const exported = async (staff: StaffView, rows: CaseRowWithOutcome[], options: ExportOptions, what: string, fileName: string) => {
    const names = staffNames(db);
    const buffer = await exportCaseRows(rows, (id) => names.get(id) ?? id, options, settings().timeZone);
    writer.write([{ entity: 'staff', entityId: staff.id, type: 'export_made', payload: { what: `${what} ${options.format}`.slice(0, 200), rows: rows.length } }], staff);
    return { fileName, base64: buffer.toString('base64'), rows: rows.length };
  };

  return {
    monthly(staff: StaffView, request: ParsedRequestOf<'reports.monthly'>): ResponseOf<'reports.monthly'> {
      requireRole(staff, ['supervisor', 'manager']);
      const saved = savedMonthlyReport(db, monthlyReportId(request.month, request.branch ?? null));
      return { draft: draftOf(request.month, request.branch), saved: saved && { ...saved, savedByName: staffNames(db).get(saved.savedBy) ?? saved.savedBy } };
    },
    /** A manager's summary before month end (seed 001): the next version, with the figures as they are now. */
    monthlySave(staff: StaffView, request: ParsedRequestOf<'reports.monthlySave'>): ResponseOf<'reports.monthlySave'> {
      requireRole(staff, ['manager']);
      const id = monthlyReportId(request.month, request.branch ?? null);
      const version = (savedMonthlyReport(db, id)?.version ?? 0) + 1;
      writer.write([{ entity: 'report', entityId: id, type: 'monthly_report_saved', payload: { ...draftOf(request.month, request.branch), version, actions: request.actions } }], staff);
      return { version };
    },
    figures(staff: StaffView, request: ParsedRequestOf<'reports.get'>): ResponseOf<'reports.get'> {
      requireRole(staff, ['supervisor', 'manager']);
      alignCells();
      const figures = reportFigures(db, scopeOf(request.month, request.branch), clock.now());
      const names = staffNames(db);
      return { ...figures, branches: reportBranches(db), ownerNames: Object.fromEntries(figures.byOwner.map((o) => [o.ownerId, names.get(o.ownerId) ?? o.ownerId])) };
    },
    cases(staff: StaffView, request: ParsedRequestOf<'reports.cases'>): ResponseOf<'reports.cases'> {
      requireRole(staff, ['supervisor', 'manager']);
      const names = staffNames(db);
      const now = clock.now();
      return { items: casesOf(request, 500).map((row) => summaryOfRow(row, names, now)) };
    },
    async export(staff: StaffView, request: ParsedRequestOf<'reports.export'>): Promise<ResponseOf<'reports.export'>> {
      requireRole(staff, ['supervisor', 'manager']);
      const what = [request.month, request.branch ?? '*', request.dimension ? `${request.dimension}=${request.value ?? ''}` : 'all'].join(' ');
      return exported(staff, casesOf(request, MAX_EXPORT_ROWS), request, what, `CalmDesk-${request.month}${request.branch ? `-${request.branch}` : ''}.${request.format}`);
    },
    async monthlyExport(staff: StaffView, request: ParsedRequestOf<'reports.monthlyExport'>): Promise<ResponseOf<'reports.monthlyExport'>> {
      requireRole(staff, ['supervisor', 'manager']);
      const buffer = await tablesWorkbook(request.sheets);
      const rows = request.sheets.reduce((sum, sheet) => sum + Math.max(0, sheet.rows.length - 1), 0);
      writer.write([{ entity: 'staff', entityId: staff.id, type: 'export_made', payload: { what: `monthly ${request.month} ${request.branch ?? '*'} xlsx`, rows } }], staff);
      return { fileName: `CalmDesk-${request.month}${request.branch ? `-${request.branch}` : ''}-analysis.xlsx`, base64: buffer.toString('base64'), rows };
    },
    /** Every case a search finds, as a file: the same columns and record as a report's export. */
    async searchExport(staff: StaffView, request: ParsedRequestOf<'case.searchExport'>): Promise<ResponseOf<'case.searchExport'>> {
      requireRole(staff, ['supervisor', 'manager']);
      const rows = searchRows(db, request, settings().timeZone, MAX_EXPORT_ROWS);
      return exported(staff, rows, request, `search "${request.text.trim()}"`, `CalmDesk-search.${request.format}`);
    },
  };
}
export type ReportService = ReturnType<typeof createReportService>;
