import { isWorkingDay, type WorkCalendar } from './calendar.js';
import { instantOf, localParts, nextDate } from './time.js';

/** When a branch is open: the same hours on every working day, in its own time zone. */
export interface OpeningHours {
  timeZone: string;
  /** Minutes after midnight, local time. */
  opensAt: number;
  closesAt: number;
}

export const DEFAULT_HOURS: OpeningHours = { timeZone: 'Asia/Shanghai', opensAt: 9 * 60, closesAt: 17 * 60 + 30 };

export interface Interval {
  start: number;
  end: number;
}

const MAX_DAYS = 3 * 366;

/** The branch's open intervals from `fromMs` on, one working day at a time. */
export function* openIntervals(fromMs: number, calendar: WorkCalendar, hours: OpeningHours): Generator<Interval> {
  let { date } = localParts(fromMs, hours.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, date = nextDate(date)) {
    if (!isWorkingDay(calendar, date)) continue;
    const start = Math.max(fromMs, instantOf(date, hours.opensAt, hours.timeZone));
    const end = instantOf(date, hours.closesAt, hours.timeZone);
    if (end > start) yield { start, end };
  }
}

/**
 * The instant by which `minutes` of working time have passed since `startMs`: only opening hours
 * on working days count, and paused intervals (waiting on the customer) do not count at all.
 */
export function addWorkingMinutes(startMs: number, minutes: number, calendar: WorkCalendar, hours: OpeningHours, pauses: readonly Interval[] = []): number {
  let left = minutes * 60_000;
  if (left <= 0) return startMs;
  const sorted = [...pauses].sort((a, b) => a.start - b.start);
  for (const open of openIntervals(startMs, calendar, hours)) {
    let cursor = open.start;
    for (const pause of sorted) {
      if (pause.end <= cursor || pause.start >= open.end) continue;
      const usable = Math.max(0, pause.start - cursor);
      if (usable >= left) return cursor + left;
      left -= usable;
      cursor = Math.max(cursor, pause.end);
      if (cursor >= open.end) break;
    }
    if (cursor < open.end) {
      const usable = open.end - cursor;
      if (usable >= left) return cursor + left;
      left -= usable;
    }
  }
  throw new Error('deadline beyond three years: check the calendar and opening hours');
}

/** Working minutes between two instants (negative when `toMs` is earlier), pauses left out. */
export function workingMinutesBetween(fromMs: number, toMs: number, calendar: WorkCalendar, hours: OpeningHours): number {
  if (toMs < fromMs) return -workingMinutesBetween(toMs, fromMs, calendar, hours);
  let total = 0;
  for (const open of openIntervals(fromMs, calendar, hours)) {
    if (open.start >= toMs) break;
    total += Math.min(open.end, toMs) - open.start;
  }
  return total / 60_000;
}

/** When the branch next opens on a working day after the one `afterMs` falls on (a call tried again another day). */
export function nextWorkingDayOpening(afterMs: number, calendar: WorkCalendar, hours: OpeningHours): number {
  const day = localParts(afterMs, hours.timeZone).date;
  for (const open of openIntervals(afterMs, calendar, hours)) {
    if (localParts(open.start, hours.timeZone).date !== day) return open.start;
  }
  throw new Error('no working day within three years: check the calendar');
}
