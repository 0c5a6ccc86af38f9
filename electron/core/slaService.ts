import { v5 as uuidv5 } from 'uuid';
import type { Db } from '../../db/open.js';
import { recordEvents } from '../../db/eventStore.js';
import { readSlaContext } from '../../db/projections.js';
import { EVENT_SCHEMA_VERSION, SLA_ENTITY_ID, type EventEnvelope } from '../../shared/events.js';
import { eventsOf } from '../../db/eventLog.js';
import { formatHlc, hlcWallMs } from '../../shared/hlc.js';
import type { CaseView } from '../../shared/fold.js';
import type { CalendarYear } from '../../shared/sla/calendar.js';
import { clockState, minutesLeft } from '../../shared/sla/clocks.js';
import type { Policy } from '../../shared/sla/policy.js';
import { clocksOfCase } from '../../shared/sla/slaFold.js';
import { addWorkingMinutes, type OpeningHours } from '../../shared/sla/workingTime.js';
import type { StaffView } from '../../shared/referenceFold.js';
import type { Clock } from './clock.js';
import type { EventWriter } from './eventWriter.js';
import { requireRole } from './staffService.js';

/** Namespace for the ids of automatic escalations: one id per case and rule, on every desk. */
const ESCALATION_NAMESPACE = '6f1c4a52-4a7e-4f0e-9d35-1b2a8e0c5d77';
const SYSTEM = 'system';

export interface CaseClockInfo {
  step: string;
  startedAt: number;
  dueAt: number;
  dueSoonAt: number;
  state: 'ok' | 'due_soon' | 'overdue' | 'paused';
  minutesLeft: number;
  dayMinutes: number;
}

export interface Alarm {
  caseId: string;
  caseNumber: string;
  step: string;
  threshold: 'due_soon' | 'overdue';
}

/**
 * Deadlines, policies, the calendar and the automatic escalation of seed 000 (no contact within
 * 24 hours, or a third chaser, makes the complaint a graded one).
 */
export function createSlaService(db: Db, writer: EventWriter, clock: Clock) {
  const context = () => readSlaContext(db);

  const clockOf = (view: CaseView, now = clock.now()): CaseClockInfo | null => {
    const ctx = context();
    const { clocks, policy, hours } = clocksOfCase(view, ctx);
    const first = clocks[0];
    if (!first) return null;
    return {
      step: first.step,
      startedAt: first.startedAt,
      dueAt: first.dueAt,
      dueSoonAt: first.dueSoonAt,
      state: clockState(first, now),
      minutesLeft: first.paused ? 0 : minutesLeft(first, now, ctx.calendar, hours, policy, view),
      dayMinutes: hours.closesAt - hours.opensAt,
    };
  };

  /**
   * An automatic escalation whose every field follows from the log, so desks that see the same log
   * write the same event (one id). `cause` names what triggered it: the case for "no contact", the
   * chaser that reached the limit for "chasers" (two offline desks may each have their own).
   */
  const escalation = (view: CaseView, rule: 'no_contact' | 'chasers', atMs: number, cause: string): EventEnvelope => ({
    id: uuidv5(`${view.id}:${rule}:${cause}`, ESCALATION_NAMESPACE),
    entity: 'complaint',
    entityId: view.id,
    type: 'escalated',
    payload: { severity: 3, major: false, reason: rule === 'no_contact' ? 'auto: no contact with the customer in time' : 'auto: chased too often' },
    actor: SYSTEM,
    actorRole: 'system',
    device: SYSTEM,
    hlc: formatHlc({ wallMs: atMs, counter: 0, node: SYSTEM }),
    schema: EVENT_SCHEMA_VERSION,
  });

  return {
    context,
    clockOf,
    /** The time a clerk may promise for the next contact: the contact limit from now. */
    promise(branch: string): number {
      const ctx = context();
      const limit = ctx.latestPolicy.limits.contact;
      const hours = ctx.hoursOf(branch);
      const now = clock.now();
      if (limit.unit === 'hours') return now + limit.amount * 3_600_000;
      const minutes = limit.unit === 'working_hours' ? limit.amount * 60 : limit.amount * (hours.closesAt - hours.opensAt);
      return addWorkingMinutes(now, minutes, ctx.calendar, hours);
    },
    /** Writes the escalations that are due; returns the cases escalated. Safe to run any number of times. */
    escalateDue(now = clock.now()): string[] {
      const ctx = context();
      const policy = ctx.latestPolicy;
      const escalated: string[] = [];
      const candidates = db
        .prepare(
          `SELECT view FROM complaints WHERE is_open = 1 AND severity IS NULL AND major = 0
             AND ((needs_contact = 1 AND received_ms <= ?) OR chase_count >= ?)`,
        )
        .all(now - policy.escalateNoContactHours * 3_600_000, policy.escalateAfterChasers) as Array<{ view: string }>;
      for (const row of candidates) {
        const view = JSON.parse(row.view) as CaseView;
        const casePolicy = ctx.policies.get(view.policyVersion) ?? policy;
        let event: EventEnvelope | null = null;
        const breach = view.receivedAtMs + casePolicy.escalateNoContactHours * 3_600_000;
        if (view.firstContactAtMs === null && breach <= now) event = escalation(view, 'no_contact', breach, view.id);
        else if (view.chaseCount >= casePolicy.escalateAfterChasers) {
          const chasers = eventsOf(db, 'complaint', view.id).filter((e) => e.type === 'chased');
          const nth = chasers[casePolicy.escalateAfterChasers - 1];
          if (nth) event = escalation(view, 'chasers', hlcWallMs(nth.hlc) + 1, nth.id);
        }
        if (event && recordEvents(db, [event]).length) escalated.push(view.id);
      }
      return escalated;
    },
    /** Due-soon and overdue alarms not raised yet on this desk; each rings once, also across restarts. */
    newAlarms(now = clock.now()): Alarm[] {
      const rows = db
        .prepare('SELECT id, case_number, sla_step, due_at, due_soon_at, view FROM complaints WHERE is_open = 1 AND due_soon_at <= ?')
        .all(now) as Array<{ id: string; case_number: string; sla_step: string; due_at: number; due_soon_at: number; view: string }>;
      const raise = db.prepare('INSERT OR IGNORE INTO alarms_raised (case_id, step, step_start, threshold, raised_at) VALUES (?, ?, ?, ?, ?)');
      const alarms: Alarm[] = [];
      for (const row of rows) {
        const view = JSON.parse(row.view) as CaseView;
        const threshold = now >= row.due_at ? 'overdue' : 'due_soon';
        if (raise.run(row.id, row.sla_step, view.stepStartedAtMs, threshold, now).changes) {
          alarms.push({ caseId: row.id, caseNumber: row.case_number, step: row.sla_step, threshold });
        }
      }
      return alarms;
    },
    publishPolicy(by: StaffView, policy: Omit<Policy, 'version'>) {
      requireRole(by, ['manager']);
      const next = { ...policy, version: context().latestPolicy.version + 1 };
      writer.write([{ entity: 'sla', entityId: SLA_ENTITY_ID, type: 'policy_published', payload: { policy: next } }], by);
    },
    publishCalendarYear(by: StaffView, year: CalendarYear) {
      requireRole(by, ['manager']);
      writer.write([{ entity: 'sla', entityId: SLA_ENTITY_ID, type: 'calendar_year_published', payload: { year } }], by);
    },
    setHours(by: StaffView, branch: string, hours: OpeningHours) {
      requireRole(by, ['manager']);
      writer.write([{ entity: 'sla', entityId: SLA_ENTITY_ID, type: 'opening_hours_set', payload: { branch, hours } }], by);
    },
  };
}
export type SlaService = ReturnType<typeof createSlaService>;
