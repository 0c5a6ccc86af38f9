/**
 * Branch-local wall time without a date library: the offset of a time zone at an instant comes
 * from Intl, so a branch in UTC+8 computes the same deadlines on a machine set to any zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  date: string;
  minuteOfDay: number;
}

const MAX_CACHED = 100_000;
const offsets = new Map<string, Map<number, number>>();
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(instantMs: number, timeZone: string): number {
  // Zone offsets change only on the hour: ask Intl once per zone and hour, then do arithmetic.
  let byHour = offsets.get(timeZone);
  if (!byHour) offsets.set(timeZone, (byHour = new Map()));
  const hour = Math.floor(instantMs / HOUR);
  let offset = byHour.get(hour);
  if (offset === undefined) {
    offset = offsetMinutes(hour * HOUR, timeZone) * 60_000;
    if (byHour.size >= MAX_CACHED) byHour.clear();
    byHour.set(hour, offset);
  }
  return offset;
}

/** The branch-local calendar date and minute of the day at an instant. */
export function localParts(instantMs: number, timeZone: string): LocalParts {
  const local = new Date(instantMs + offsetAt(instantMs, timeZone));
  return { date: local.toISOString().slice(0, 10), minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60 };
}

/** The branch-local calendar day at an instant, as days since 1970-01-01: what day arithmetic counts in. */
export function localDayNumber(instantMs: number, timeZone: string): number {
  return Math.floor((instantMs + offsetAt(instantMs, timeZone)) / DAY);
}

/** The calendar date (YYYY-MM-DD) of a day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function intlParts(instantMs: number, timeZone: string): LocalParts {
  const parts = formatter(timeZone).formatToParts(instantMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const date = `${String(get('year')).padStart(4, '0')}-${String(get('month')).padStart(2, '0')}-${String(get('day')).padStart(2, '0')}`;
  return { date, minuteOfDay: get('hour') * 60 + get('minute') + get('second') / 60 };
}

/** Offset of the zone from UTC at an instant, in minutes (Asia/Shanghai: +480). */
function offsetMinutes(instantMs: number, timeZone: string): number {
  const { date, minuteOfDay } = intlParts(instantMs, timeZone);
  const asUtc = Date.parse(`${date}T00:00:00Z`) + minuteOfDay * 60_000;
  return Math.round((asUtc - instantMs) / 60_000);
}

const instants = new Map<string, number>();

/** The instant at which the branch's clock shows `date` and `minuteOfDay`. */
export function instantOf(date: string, minuteOfDay: number, timeZone: string): number {
  // Deadlines walk the same opening and closing times of the same days again and again; Intl is slow.
  const key = `${timeZone}|${date}|${minuteOfDay}`;
  const cached = instants.get(key);
  if (cached !== undefined) return cached;
  const naive = Date.parse(`${date}T00:00:00Z`) + minuteOfDay * 60_000;
  let guess = naive - offsetMinutes(naive, timeZone) * 60_000;
  // Once more, in case the offset changed between the naive guess and the answer (DST).
  guess = naive - offsetMinutes(guess, timeZone) * 60_000;
  if (instants.size >= MAX_CACHED) instants.clear();
  instants.set(key, guess);
  return guess;
}

export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
