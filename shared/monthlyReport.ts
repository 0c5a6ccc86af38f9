import { z } from 'zod';
import { v5 as uuidv5 } from 'uuid';
import type { EventEnvelope } from './events.js';
import { byHlc } from './fold.js';
import { ReportFiguresSchema } from './reportFigures.js';

/**
 * 月度投诉分析报告: the month's figures as they stood when the manager saved it, the major cases and
 * how they were handled, and the improvement actions the manager wrote. Each save is a new version
 * (an event, synced to HQ); one entity per branch and month, the same id on every desk.
 */
const NAMESPACE = '2b8f6a0e-5b7d-4c1e-9f3a-6d2c8e4b1a90';
export const ALL_BRANCHES = '*';

export function monthlyReportId(month: string, branch: string | null): string {
  return uuidv5(`${branch ?? ALL_BRANCHES}:${month}`, NAMESPACE);
}

export const MajorCaseLine = z.object({ caseNumber: z.string().max(40), status: z.string().max(20), handling: z.string().max(4_000) });

export const MonthlyReportPayload = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  branch: z.string().max(8).nullable(),
  version: z.number().int().positive(),
  figures: ReportFiguresSchema,
  previousTotal: z.number().int().nonnegative(),
  majors: z.array(MajorCaseLine).max(200),
  actions: z.string().trim().max(8_000),
});
export type MonthlyReport = z.infer<typeof MonthlyReportPayload> & { savedBy: string; savedAt: number };

export const ReportEventPayloads = { monthly_report_saved: MonthlyReportPayload } as const;

/** The latest version saved (the highest version; HLC order breaks a tie between two desks). */
export function foldMonthlyReport(events: readonly EventEnvelope[], savedAt: (event: EventEnvelope) => number): MonthlyReport | null {
  let latest: MonthlyReport | null = null;
  for (const event of [...events].sort(byHlc)) {
    if (event.type !== 'monthly_report_saved') continue;
    const p = MonthlyReportPayload.safeParse(event.payload);
    if (p.success && (!latest || p.data.version >= latest.version)) latest = { ...p.data, savedBy: event.actor, savedAt: savedAt(event) };
  }
  return latest;
}
