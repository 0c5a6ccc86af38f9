import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCalendar, isWorkingDay, OFFICIAL_CALENDAR, OFFICIAL_YEARS } from '../../../shared/sla/calendar.js';
import { addWorkingMinutes, DEFAULT_HOURS, workingMinutesBetween, type OpeningHours } from '../../../shared/sla/workingTime.js';

const cal = OFFICIAL_CALENDAR;
const hours = DEFAULT_HOURS; // 09:00–17:30 Beijing
const at = (iso: string) => Date.parse(iso);
const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('the official calendar (State Council notices)', () => {
  it('2025: Spring Festival 28 Jan–4 Feb off, Sunday 26 Jan and Saturday 8 Feb worked', () => {
    for (const d of ['2025-01-28', '2025-01-31', '2025-02-03', '2025-02-04']) expect(isWorkingDay(cal, d), d).toBe(false);
    expect(isWorkingDay(cal, '2025-01-26')).toBe(true);
    expect(isWorkingDay(cal, '2025-02-08')).toBe(true);
    expect(isWorkingDay(cal, '2025-02-05')).toBe(true);
  });

  it('2025: Labour Day 1–5 May off with Sunday 27 April worked; National Day 1–8 Oct off with 28 Sep and 11 Oct worked', () => {
    for (const d of ['2025-05-01', '2025-05-05']) expect(isWorkingDay(cal, d), d).toBe(false);
    expect(isWorkingDay(cal, '2025-04-27')).toBe(true);
    for (const d of ['2025-10-01', '2025-10-06', '2025-10-08']) expect(isWorkingDay(cal, d), d).toBe(false);
    expect(isWorkingDay(cal, '2025-09-28')).toBe(true);
    expect(isWorkingDay(cal, '2025-10-11')).toBe(true);
  });

  it('2026: Spring Festival 15–23 Feb off with 14 and 28 Feb worked; Labour Day 1–5 May with 9 May worked; National Day 1–7 Oct with 20 Sep and 10 Oct worked', () => {
    for (const d of ['2026-02-15', '2026-02-19', '2026-02-23']) expect(isWorkingDay(cal, d), d).toBe(false);
    for (const d of ['2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) expect(isWorkingDay(cal, d), d).toBe(true);
    for (const d of ['2026-05-01', '2026-05-05', '2026-10-01', '2026-10-07']) expect(isWorkingDay(cal, d), d).toBe(false);
  });

  it('names its source and covers 2024–2026; a manager can add 2027 without a release', () => {
    expect(OFFICIAL_YEARS.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    expect(OFFICIAL_YEARS[0]!.source).toContain('国务院办公厅');
    const with2027 = buildCalendar([...OFFICIAL_YEARS, { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-02'], source: 'manager' }]);
    expect(isWorkingDay(with2027, '2027-01-01')).toBe(false); // a Friday
    expect(isWorkingDay(with2027, '2027-01-02')).toBe(true); // a Saturday
  });
});

describe('deadlines in working time', () => {
  it('cross the night: 2 working hours from 16:30 end at 10:00 the next working day', () => {
    expect(beijing(addWorkingMinutes(at('2025-03-04T08:30:00Z'), 120, cal, hours))).toBe('2025-03-05 10:00');
  });

  it('cross the weekend and a make-up Sunday: Friday 17:00 + 1 hour lands on Monday, but before Labour Day the Sunday counts', () => {
    expect(beijing(addWorkingMinutes(at('2025-03-07T09:00:00Z'), 60, cal, hours))).toBe('2025-03-10 09:30');
    // Friday 25 April 2025, 17:00 → Sunday 27 April is a make-up working day.
    expect(beijing(addWorkingMinutes(at('2025-04-25T09:00:00Z'), 60, cal, hours))).toBe('2025-04-27 09:30');
  });

  it('skip a whole holiday: one working day from 30 Sep 2025 10:00 is 9 Oct 10:00', () => {
    const day = hours.closesAt - hours.opensAt;
    expect(beijing(addWorkingMinutes(at('2025-09-30T02:00:00Z'), day, cal, hours))).toBe('2025-10-09 10:00');
  });

  it('cross a month end: 5 working days from Wednesday 26 Nov 2025 10:00 end on 3 Dec', () => {
    const day = hours.closesAt - hours.opensAt;
    expect(beijing(addWorkingMinutes(at('2025-11-26T02:00:00Z'), 5 * day, cal, hours))).toBe('2025-12-03 10:00');
  });

  it('start counting at opening time when a complaint arrives at night', () => {
    expect(beijing(addWorkingMinutes(at('2025-03-04T14:00:00Z'), 60, cal, hours))).toBe('2025-03-05 10:00');
  });

  it('follow the branch time zone, whatever the machine is set to', () => {
    const london: OpeningHours = { timeZone: 'Europe/London', opensAt: 9 * 60, closesAt: 17 * 60 };
    // 16:30 London on Friday 7 March 2025 + 1 working hour → Monday 09:30 London = 09:30Z.
    expect(new Date(addWorkingMinutes(at('2025-03-07T16:30:00Z'), 60, cal, london)).toISOString()).toBe('2025-03-10T09:30:00.000Z');
  });

  it('follow each calendar and each branch’s hours, asked in turn (days once worked out are not another’s)', () => {
    const friday = at('2025-03-07T08:30:00Z'); // Friday 16:30 Beijing
    const extraHoliday = buildCalendar([...OFFICIAL_YEARS, { year: 2025, holidays: ['2025-03-10'], workdays: [], source: 'manager' }]);
    const early: OpeningHours = { ...DEFAULT_HOURS, closesAt: 16 * 60 };
    for (let round = 0; round < 2; round++) {
      // An hour on Friday, an hour on Monday (or Tuesday, when Monday is a holiday).
      expect(beijing(addWorkingMinutes(friday, 120, cal, hours))).toBe('2025-03-10 10:00');
      expect(beijing(addWorkingMinutes(friday, 120, extraHoliday, hours))).toBe('2025-03-11 10:00');
      // Closed at 16:00: nothing left of Friday, so Monday 09:00–11:00.
      expect(beijing(addWorkingMinutes(friday, 120, cal, early))).toBe('2025-03-10 11:00');
    }
    // A London branch across the clocks going forward (Sunday 30 March 2025): Monday opens at 09:00 BST = 08:00Z.
    const london: OpeningHours = { timeZone: 'Europe/London', opensAt: 9 * 60, closesAt: 17 * 60 };
    expect(new Date(addWorkingMinutes(at('2025-03-28T16:30:00Z'), 60, cal, london)).toISOString()).toBe('2025-03-31T08:30:00.000Z');
  });

  it('never shortens for a pause, and adds exactly the paused working time', () => {
    const start = at('2025-03-04T02:00:00Z'); // Tue 10:00
    const plain = addWorkingMinutes(start, 180, cal, hours);
    const pause = { start: at('2025-03-04T03:00:00Z'), end: at('2025-03-04T04:00:00Z') }; // 11:00–12:00
    expect(addWorkingMinutes(start, 180, cal, hours, [pause]) - plain).toBe(3_600_000);
  });

  it('properties: more working time never ends earlier; a pause never shortens; minutes between round-trips', () => {
    const instants = fc.integer({ min: at('2024-01-01T00:00:00Z'), max: at('2026-11-30T00:00:00Z') });
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 6000 }), fc.integer({ min: 0, max: 3000 }), (start, minutes, more) => {
        const a = addWorkingMinutes(start, minutes, cal, hours);
        const b = addWorkingMinutes(start, minutes + more, cal, hours);
        expect(b).toBeGreaterThanOrEqual(a);
        expect(Math.round(workingMinutesBetween(start, a, cal, hours))).toBe(minutes);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 6000 }), fc.integer({ min: 0, max: 7 * 86_400_000 }), fc.integer({ min: 1, max: 3 * 86_400_000 }), (start, minutes, offset, length) => {
        const pause = { start: start + offset, end: start + offset + length };
        expect(addWorkingMinutes(start, minutes, cal, hours, [pause])).toBeGreaterThanOrEqual(addWorkingMinutes(start, minutes, cal, hours));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the machine time zone', () => {
  it('does not matter: a Beijing branch gets the same deadline on a machine set to Los Angeles or Kolkata', () => {
    const saved = process.env.TZ;
    const deadlineOn = (tz: string) => {
      process.env.TZ = tz;
      return addWorkingMinutes(at('2025-03-07T08:30:00Z'), 120, cal, hours);
    };
    try {
      const utc = deadlineOn('UTC');
      expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(0);
      expect(deadlineOn('America/Los_Angeles')).toBe(utc);
      expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(480);
      expect(deadlineOn('Asia/Kolkata')).toBe(utc);
      expect(beijing(utc)).toBe('2025-03-10 10:00');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
