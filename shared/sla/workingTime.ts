import { isWorkingDay, type WorkCalendar } from './calendar.js';
import { dateOfDayNumber, instantOf, localDayNumber, localParts } from './time.js';

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

/** One local calendar day's opening, or null when the branch is closed all day. */
type Opening = Interval | null;

/**
 * Each day's opening by day number, per hours and calendar (both are built once and never changed).
 * Every deadline walks the same days again and again, four walks per case written: a lookup here
 * is a fraction of a microsecond, where working a day out (date strings, the calendar's sets, the
 * zone's offset) took a few, and those walks were the largest part of writing a case.
 */
const openings = new WeakMap<OpeningHours, WeakMap<WorkCalendar, Map<number, Opening>>>();

function openingsOf(calendar: WorkCalendar, hours: OpeningHours): Map<number, Opening> {
  let byCalendar = openings.get(hours);
  if (!byCalendar) openings.set(hours, (byCalendar = new WeakMap()));
  let days = byCalendar.get(calendar);
  if (!days) byCalendar.set(calendar, (days = new Map()));
  return days;
}

function openingOn(day: number, days: Map<number, Opening>, calendar: WorkCalendar, hours: OpeningHours): Opening {
  let opening = days.get(day);
  if (opening === undefined) {
    const date = dateOfDayNumber(day);
    const start = instantOf(date, hours.opensAt, hours.timeZone);
    const end = instantOf(date, hours.closesAt, hours.timeZone);
    opening = isWorkingDay(calendar, date) && end > start ? { start, end } : null;
    days.set(day, opening);
  }
  return opening;
}

/** The branch's open intervals from `fromMs` on, one working day at a time. */
export function* openIntervals(fromMs: number, calendar: WorkCalendar, hours: OpeningHours): Generator<Interval> {
  const days = openingsOf(calendar, hours);
  const first = localDayNumber(fromMs, hours.timeZone);
  for (let day = first; day < first + MAX_DAYS; day++) {
    const opening = openingOn(day, days, calendar, hours);
    if (opening && opening.end > fromMs) yield { start: Math.max(fromMs, opening.start), end: opening.end };
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
