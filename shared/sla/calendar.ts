import { z } from 'zod';
import y2024 from 'chinese-days/dist/years/2024.json' with { type: 'json' };
import y2025 from 'chinese-days/dist/years/2025.json' with { type: 'json' };
import y2026 from 'chinese-days/dist/years/2026.json' with { type: 'json' };

/**
 * The working-day calendar: public holidays and the make-up working days on weekends (调休)
 * that the State Council announces each year. Dates are branch-local calendar days (YYYY-MM-DD).
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const CalendarYear = z.object({
  year: z.number().int().min(2000).max(2100),
  holidays: z.array(z.string().regex(DATE)),
  workdays: z.array(z.string().regex(DATE)),
  source: z.string().min(1),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

const OFFICIAL_SOURCE =
  'State Council General Office holiday notices (国务院办公厅关于部分节假日安排的通知), as compiled in the npm package chinese-days 1.5.7 (MIT)';

function fromPackage(year: number, data: { holidays: Record<string, string>; workdays: Record<string, string> }): CalendarYear {
  return { year, holidays: Object.keys(data.holidays).sort(), workdays: Object.keys(data.workdays).sort(), source: OFFICIAL_SOURCE };
}

/** 2024–2026 as officially announced; later years are entered or imported by a manager. */
export const OFFICIAL_YEARS: CalendarYear[] = [fromPackage(2024, y2024), fromPackage(2025, y2025), fromPackage(2026, y2026)];

export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  years: ReadonlySet<number>;
}

/** Later entries for a year replace earlier ones (a manager's correction wins over the shipped year). */
export function buildCalendar(years: readonly CalendarYear[]): WorkCalendar {
  const byYear = new Map<number, CalendarYear>();
  for (const y of years) byYear.set(y.year, y);
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const y of byYear.values()) {
    y.holidays.forEach((d) => holidays.add(d));
    y.workdays.forEach((d) => workdays.add(d));
  }
  return { holidays, workdays, years: new Set(byYear.keys()) };
}

export const OFFICIAL_CALENDAR = buildCalendar(OFFICIAL_YEARS);

/** A make-up working day is worked even on a weekend; a holiday is not, even on a weekday. */
export function isWorkingDay(calendar: WorkCalendar, date: string): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}
