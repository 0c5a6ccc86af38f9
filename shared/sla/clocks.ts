import type { CaseStatus } from '../complaint.js';
import type { Severity } from '../classification.js';
import type { WorkCalendar } from './calendar.js';
import { limitFor, type Policy, type SlaStep } from './policy.js';
import { addWorkingMinutes, workingMinutesBetween, type Interval, type OpeningHours } from './workingTime.js';

/** The step whose clock runs while a case is in each state. */
export const STEP_OF_STATUS: Record<CaseStatus, SlaStep | null> = {
  received: 'classify',
  classified: 'assign',
  assigned: 'investigate',
  contacted: 'investigate',
  investigated: 'investigate',
  proposed: 'approve',
  approved: 'execute',
  executed: 'feed_back',
  fed_back: 'follow_up',
  followed_up: 'close',
  closed: null,
};

/** What the fold records for the clocks: facts only, the same on every replica. */
export interface ClockFacts {
  branch: string;
  status: CaseStatus;
  severity: Severity | null;
  major: boolean;
  receivedAtMs: number;
  stepStartedAtMs: number;
  firstContactAtMs: number | null;
  pauses: Array<{ start: number; end: number | null }>;
}

export interface Clock {
  step: SlaStep;
  startedAt: number;
  dueAt: number;
  /** From here on the step is due soon. */
  dueSoonAt: number;
  paused: boolean;
}

export type ClockState = 'ok' | 'due_soon' | 'overdue' | 'paused';

/**
 * The due time of a stopped clock (waiting on the customer): the last instant a Date can hold, so
 * it sorts after every real deadline and is never "due soon". The one such value everywhere.
 */
export const NEVER_DUE = 8.64e15;

/** The deadline of one step that started at `startedAt`, under the case's policy and calendar. */
export function deadline(step: SlaStep, startedAt: number, facts: Omit<ClockFacts, 'status' | 'receivedAtMs' | 'stepStartedAtMs' | 'firstContactAtMs'>, policy: Policy, calendar: WorkCalendar, hours: OpeningHours): Clock {
  const limit = limitFor(policy, step, facts);
  const paused = facts.pauses.some((p) => p.end === null);
  if (paused) return { step, startedAt, dueAt: NEVER_DUE, dueSoonAt: NEVER_DUE, paused };
  const pauses: Interval[] = facts.pauses.map((p) => ({ start: p.start, end: p.end ?? NEVER_DUE }));
  const dayMinutes = hours.closesAt - hours.opensAt;
  if (limit.unit === 'hours') {
    const pausedMs = pauses.reduce((sum, p) => sum + Math.max(0, p.end - Math.max(p.start, startedAt)), 0);
    const budget = limit.amount * 3_600_000;
    const dueAt = startedAt + budget + pausedMs;
    return { step, startedAt, dueAt, dueSoonAt: dueAt - budget * policy.dueSoonShare, paused };
  }
  const minutes = limit.unit === 'working_hours' ? limit.amount * 60 : limit.amount * dayMinutes;
  return {
    step,
    startedAt,
    dueAt: addWorkingMinutes(startedAt, minutes, calendar, hours, pauses),
    dueSoonAt: addWorkingMinutes(startedAt, minutes * (1 - policy.dueSoonShare), calendar, hours, pauses),
    paused,
  };
}

/**
 * The clocks running on a case: its current step, and the contact clock until the customer has
 * been contacted. The earliest deadline comes first. Closed cases have none.
 */
export function caseClocks(facts: ClockFacts, policy: Policy, calendar: WorkCalendar, hours: OpeningHours): Clock[] {
  const step = STEP_OF_STATUS[facts.status];
  if (!step) return [];
  const clocks = [deadline(step, facts.stepStartedAtMs, facts, policy, calendar, hours)];
  if (facts.firstContactAtMs === null) clocks.push(deadline('contact', facts.receivedAtMs, facts, policy, calendar, hours));
  return clocks.sort((a, b) => a.dueAt - b.dueAt);
}

/** Where a deadline stands at `now`; works on a computed clock and on the columns of a queue row. */
export function clockState(clock: { dueAt: number; dueSoonAt: number }, now: number): ClockState {
  if (clock.dueAt >= NEVER_DUE) return 'paused';
  if (now >= clock.dueAt) return 'overdue';
  if (now >= clock.dueSoonAt) return 'due_soon';
  return 'ok';
}

/** Working minutes left before the deadline; negative once it has passed ("overdue by …"). */
export function minutesLeft(clock: Clock, now: number, calendar: WorkCalendar, hours: OpeningHours, policy: Policy, facts: ClockFacts): number {
  const limit = limitFor(policy, clock.step, facts);
  if (limit.unit === 'hours') return (clock.dueAt - now) / 60_000;
  return workingMinutesBetween(now, clock.dueAt, calendar, hours);
}
