import ExcelJS from 'exceljs';
import type { Db } from '../../db/open.js';
import { majorCasesOf, reportBranches, reportCases, reportFigures, savedMonthlyReport, type ReportDimension, type ReportScope } from '../../db/reports.js';
import { monthlyReportId } from '../../shared/monthlyReport.js';
import { staffNames } from '../../db/referenceQueries.js';
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract.js';
import type { StaffView } from '../../shared/referenceFold.js';
import type { Settings } from '../../shared/settings.js';
import { instantOf } from '../../shared/sla/time.js';
import type { Clock } from './clock.js';
import type { EventWriter } from './eventWriter.js';
import { requireRole } from './staffService.js';
import { summaryOfRow } from './caseService.js';

/** An Excel sheet holds about a million rows; a month of one branch is far below. */
const MAX_EXPORT_ROWS = 1_000_000;

/**
 * Reports for supervisors and managers: a month's figures from the projection's columns, the cases
 * behind a figure, and those cases as an Excel workbook (built here, off the window's thread).
 */
export function createReportService(db: Db, writer: EventWriter, clock: Clock, settings: () => Settings) {
  const scopeOf = (month: string, branch: string | undefined): ReportScope => {
    const { timeZone } = settings();
    const [year, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
    const fromMs = instantOf(`${month}-01`, 0, timeZone);
    return {
      fromMs,
      toMs: instantOf(`${next}-01`, 0, timeZone),
      ...(branch ? { branch } : {}),
      utcOffsetMinutes: Math.round((Date.parse(`${month}-01T00:00:00Z`) - fromMs) / 60_000),
    };
  };
  const casesOf = (request: { month: string; branch?: string | undefined; dimension?: ReportDimension | undefined; value?: string | undefined }, limit: number) =>
    reportCases(db, scopeOf(request.month, request.branch), request.dimension && request.value !== undefined ? { dimension: request.dimension, value: request.value } : null, limit, clock.now());

  const previousMonth = (month: string) => {
    const [year, m] = month.split('-').map(Number) as [number, number];
    return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
  };

  const draftOf = (month: string, branch: string | undefined) => {
    const scope = scopeOf(month, branch);
    const now = clock.now();
    return {
      month,
      branch: branch ?? null,
      figures: reportFigures(db, scope, now),
      previousTotal: reportFigures(db, scopeOf(previousMonth(month), branch), now).total,
      // How each major complaint was handled, in the words recorded on it.
      majors: majorCasesOf(db, scope).map((v) => ({ caseNumber: v.caseNumber, status: v.status, handling: v.execution ?? v.proposal?.remedy ?? v.findings ?? '' })),
    };
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
      const rows = casesOf(request, MAX_EXPORT_ROWS);
      const names = staffNames(db);
      const word = (code: string | number | null) => (code === null ? '' : (request.words[String(code)] ?? String(code)));
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(request.sheet);
      sheet.columns = request.columns.map((header, i) => ({ header, key: String(i), width: i === 0 ? 24 : i === 2 || i === 3 ? 16 : 14 }));
      const { timeZone } = settings();
      // Date cells hold the branch's wall-clock time, which is what a spreadsheet reader expects to see.
      const local = (ms: number) => new Date(ms + (instantOf('2000-01-01', 0, 'UTC') - instantOf('2000-01-01', 0, timeZone)));
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
          names.get(r.owner_id) ?? r.owner_id,
          r.closed_ms === null ? null : local(r.closed_ms),
          r.satisfaction === null ? null : word(`satisfaction.${r.satisfaction}`),
        ]);
      }
      for (const column of [2, 11]) sheet.getColumn(column).numFmt = 'yyyy-mm-dd hh:mm';
      sheet.getRow(1).font = { bold: true };
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      const what = [request.month, request.branch ?? '*', request.dimension ? `${request.dimension}=${request.value ?? ''}` : 'all'].join(' ');
      writer.write([{ entity: 'staff', entityId: staff.id, type: 'export_made', payload: { what, rows: rows.length } }], staff);
      return { fileName: `CalmDesk-${request.month}${request.branch ? `-${request.branch}` : ''}.xlsx`, base64: buffer.toString('base64'), rows: rows.length };
    },
  };
}
export type ReportService = ReturnType<typeof createReportService>;
