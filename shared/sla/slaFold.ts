import { z } from 'zod';
import { byHlc } from '../fold.js';
import type { EventEnvelope } from '../events.js';
import { CalendarYear, OFFICIAL_YEARS, buildCalendar, type WorkCalendar } from './calendar.js';
import { DEFAULT_POLICY, Policy, type SlaStep } from './policy.js';
import { DEFAULT_HOURS, type OpeningHours } from './workingTime.js';
import { caseClocks, deadline, NEVER_DUE, type ClockFacts } from './clocks.js';
import { isValidTimeZone } from '../caseNumber.js';
import type { ReferenceItem } from '../referenceItem.js';

const MINUTE = z.number().int().min(0).max(24 * 60);
export const OpeningHoursSchema = z
  .object({ timeZone: z.string().refine(isValidTimeZone), opensAt: MINUTE, closesAt: MINUTE })
  .refine((h) => h.closesAt > h.opensAt, { message: 'closes before it opens', path: ['closesAt'] });

export const SlaEventPayloads = {
  policy_published: z.object({ policy: Policy }),
  calendar_year_published: z.object({ year: CalendarYear }),
  opening_hours_set: z.object({ branch: z.string().min(1), hours: OpeningHoursSchema }),
} as const;

export type SlaItem = ReferenceItem<'policy' | 'calendar' | 'hours'>;

/** Policies keep every version (cases keep theirs); a calendar year and branch hours keep the latest. */
export function foldSla(events: readonly EventEnvelope[]): SlaItem[] {
  const items = new Map<string, SlaItem>();
  let hoursVersion = 0;
  for (const event of [...events].sort(byHlc)) {
    if (event.type === 'policy_published') {
      const p = SlaEventPayloads.policy_published.safeParse(event.payload);
      if (p.success) items.set(`policy:${p.data.policy.version}`, { kind: 'policy', itemId: String(p.data.policy.version), version: p.data.policy.version, data: p.data.policy });
    } else if (event.type === 'calendar_year_published') {
      const p = SlaEventPayloads.calendar_year_published.safeParse(event.payload);
      if (p.success) items.set(`calendar:${p.data.year.year}`, { kind: 'calendar', itemId: String(p.data.year.year), version: 1, data: p.data.year });
    } else if (event.type === 'opening_hours_set') {
      const p = SlaEventPayloads.opening_hours_set.safeParse(event.payload);
      if (p.success) items.set(`hours:${p.data.branch}`, { kind: 'hours', itemId: p.data.branch, version: ++hoursVersion, data: p.data.hours });
    }
  }
  return [...items.values()];
}

/** Everything a deadline depends on, the same on every replica that holds the same events. */
export interface SlaContext {
  policies: ReadonlyMap<number, Policy>;
  latestPolicy: Policy;
  calendar: WorkCalendar;
  years: CalendarYear[];
  hoursOf(branch: string): OpeningHours;
  hours: ReadonlyMap<string, OpeningHours>;
}

export function slaContext(items: readonly SlaItem[]): SlaContext {
  const policies = new Map<number, Policy>([[DEFAULT_POLICY.version, DEFAULT_POLICY]]);
  for (const item of items) if (item.kind === 'policy') policies.set(item.version, item.data as Policy);
  const published = items.filter((i) => i.kind === 'calendar').map((i) => i.data as CalendarYear);
  const years = [...OFFICIAL_YEARS.filter((y) => !published.some((p) => p.year === y.year)), ...published].sort((a, b) => a.year - b.year);
  const hours = new Map(items.filter((i) => i.kind === 'hours').map((i) => [i.itemId, i.data as OpeningHours]));
  const latestPolicy = [...policies.values()].sort((a, b) => b.version - a.version)[0]!;
  return { policies, latestPolicy, calendar: buildCalendar(years), years, hours, hoursOf: (branch) => hours.get(branch) ?? DEFAULT_HOURS };
}

/** The clocks of a case under the policy version it started with. */
export function clocksOfCase(view: CaseClockView, ctx: SlaContext) {
  const policy = ctx.policies.get(view.policyVersion) ?? DEFAULT_POLICY;
  const hours = ctx.hoursOf(view.branch);
  return { clocks: caseClocks(view, policy, ctx.calendar, hours), policy, hours };
}

export type CaseClockView = ClockFacts & { policyVersion: number };

export interface StepRecord {
  step: SlaStep;
  startedAtMs: number;
  dueAtMs: number;
  /** Null while the step runs. */
  endedAtMs: number | null;
}

/**
 * Every step of a case against its deadline: the finished ones (counting only the pauses that fell
 * inside them) and the running ones as the queue sees them. On time means ended by the deadline.
 */
export function stepRecords(
  view: CaseClockView & { finishedSteps: ReadonlyArray<{ step: SlaStep; startedAtMs: number; endedAtMs: number }> },
  ctx: SlaContext,
  { clocks, policy, hours }: ReturnType<typeof clocksOfCase> = clocksOfCase(view, ctx),
): StepRecord[] {
  const finished = (step: SlaStep, startedAtMs: number, endedAtMs: number): StepRecord => {
    const pauses = view.pauses.filter((p) => p.start < endedAtMs).map((p) => ({ start: p.start, end: Math.min(p.end ?? endedAtMs, endedAtMs) }));
    return { step, startedAtMs, endedAtMs, dueAtMs: deadline(step, startedAtMs, { branch: view.branch, severity: view.severity, major: view.major, pauses }, policy, ctx.calendar, hours).dueAt };
  };
  const records = view.finishedSteps.map((s) => finished(s.step, s.startedAtMs, s.endedAtMs));
  if (view.firstContactAtMs !== null) records.push(finished('contact', view.receivedAtMs, view.firstContactAtMs));
  for (const c of clocks) records.push({ step: c.step, startedAtMs: c.startedAt, dueAtMs: c.dueAt, endedAtMs: null });
  return records;
}

/** The contact deadline of a case not contacted yet: what its receipt promises. */
export function contactDueAt(view: CaseClockView, ctx: SlaContext): number | null {
  if (view.firstContactAtMs !== null) return null;
  const policy = ctx.policies.get(view.policyVersion) ?? DEFAULT_POLICY;
  const due = deadline('contact', view.receivedAtMs, view, policy, ctx.calendar, ctx.hoursOf(view.branch)).dueAt;
  return due < NEVER_DUE ? due : null;
}

/** The time a clerk may promise for the next contact: the contact limit from now, for a new case of the branch. */
export function promisedContactAt(now: number, branch: string, ctx: SlaContext): number {
  const facts = { branch, severity: null, major: false, pauses: [] };
  return deadline('contact', now, facts, ctx.latestPolicy, ctx.calendar, ctx.hoursOf(branch)).dueAt;
}
