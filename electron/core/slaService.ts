import { v5 as uuidv5 } from 'uuid';
import type { Db } from '../../db/open.js';
import { recordEvents } from '../../db/eventStore.js';
import { readSlaContext } from '../../db/projections.js';
import { alarmsToRaise, escalationCandidates, FIRST_ALARM_CURSOR, FIRST_ESCALATION_CURSOR } from '../../db/complaintQueries.js';
import { markAlarmRaised } from '../../db/localState.js';
import { arrivalAlarmsToRaise } from '../../db/workOrderQueries.js';
import { EVENT_SCHEMA_VERSION, SLA_ENTITY_ID, type EventEnvelope } from '../../shared/events.js';
import { eventsOf } from '../../db/eventLog.js';
import { formatHlc, hlcWallMs } from '../../shared/hlc.js';
import type { CaseView } from '../../shared/fold.js';
import type { CalendarYear } from '../../shared/sla/calendar.js';
import { clockState, minutesLeft } from '../../shared/sla/clocks.js';
import type { Policy } from '../../shared/sla/policy.js';
import { clocksOfCase, promisedContactAt } from '../../shared/sla/slaFold.js';
import type { OpeningHours } from '../../shared/sla/workingTime.js';
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
  /** Where the escalation pass and the alarm pass go on from. */
  let escalationCursor = FIRST_ESCALATION_CURSOR;
  let alarmCursor = FIRST_ALARM_CURSOR;

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
    payload: { severity: 3, major: false, reason: rule === 'no_contact' ? 'auto: no contact with the customer in time' : 'auto: chased too often', rule },
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
    promise: (branch: string): number => promisedContactAt(clock.now(), branch, context()),
    /**
     * Records the escalations that are due: up to `limit` candidates per call, in one transaction,
     * resuming after the last one seen, so a desk back from a long holiday catches up in batches.
     * Safe to run any number of times: an escalation's id is derived from its case and cause.
     */
    escalateDue(now = clock.now(), limit = -1): { escalated: string[]; more: boolean } {
      const ctx = context();
      // Pre-select with the earliest trigger of any policy version; each case is then judged by its own.
      const policies = [...ctx.policies.values()];
      const shortestHours = Math.min(...policies.map((p) => p.escalateNoContactHours));
      const fewestChasers = Math.min(...policies.map((p) => p.escalateAfterChasers));
      const candidates: CaseView[] = [];
      let done = false;
      while (!done && (limit <= 0 || candidates.length < limit)) {
        const { views, next } = escalationCandidates(db, now - shortestHours * 3_600_000, fewestChasers, escalationCursor, limit > 0 ? limit - candidates.length : -1);
        candidates.push(...views);
        escalationCursor = next ?? FIRST_ESCALATION_CURSOR;
        done = next === null;
      }
      const events: EventEnvelope[] = [];
      for (const view of candidates) {
        const casePolicy = ctx.policies.get(view.policyVersion) ?? ctx.latestPolicy;
        const breach = view.receivedAtMs + casePolicy.escalateNoContactHours * 3_600_000;
        if (view.firstContactAtMs === null && breach <= now) events.push(escalation(view, 'no_contact', breach, view.id));
        else if (view.chaseCount >= casePolicy.escalateAfterChasers) {
          const chasers = eventsOf(db, 'complaint', view.id).filter((e) => e.type === 'chased');
          const nth = chasers[casePolicy.escalateAfterChasers - 1];
          if (nth) events.push(escalation(view, 'chasers', hlcWallMs(nth.hlc) + 1, nth.id));
        }
      }
      // One transaction for the batch, written as one page (its sums kept per page, db/bulkSums.ts). If a
      // case cannot take its escalation, the page is undone and each case tried in its own savepoint, so
      // that one case does not hold back the others on every later tick.
      const escalated: string[] = [];
      db.transaction(() => {
        try {
          escalated.push(...recordEvents(db, events).map((e) => e.entityId));
        } catch {
          for (const event of events) {
            try {
              escalated.push(...recordEvents(db, [event]).map((e) => e.entityId));
            } catch (error) {
              console.error(`[calmdesk] escalation not recorded: ${error instanceof Error ? error.name : typeof error}`);
            }
          }
        }
      })();
      return { escalated, more: !done };
    },
    /**
     * Due-soon and overdue alarms not raised yet on this desk, each ringing once, also across restarts:
     * up to `limit` per call (-1: all), resuming where the last call stopped, so a desk back from a long
     * holiday rings its backlog in batches and a quiet minute reads past the alarms already raised in
     * bounded stretches, never holding the desk up.
     */
    newAlarms(now = clock.now(), limit = -1): { alarms: Alarm[]; more: boolean } {
      const { rows, next } = alarmsToRaise(db, now, alarmCursor, limit);
      alarmCursor = next ?? FIRST_ALARM_CURSOR;
      // A visit's arrival is a promise to the customer too: it rings like any other deadline, at the pass's end.
      const arrivals = next ? [] : arrivalAlarmsToRaise(db, now);
      db.transaction(() => {
        for (const row of rows) markAlarmRaised(db, { caseId: row.id, step: row.slaStep, stepStart: row.stepStartedAtMs, threshold: row.threshold }, now);
        for (const row of arrivals) markAlarmRaised(db, { caseId: row.caseId, step: `arrival:${row.workOrderId}`, stepStart: row.windowStartMs, threshold: row.threshold }, now);
      })();
      return {
        alarms: [
          ...rows.map((row): Alarm => ({ caseId: row.id, caseNumber: row.caseNumber, step: row.slaStep, threshold: row.threshold })),
          ...arrivals.map((row): Alarm => ({ caseId: row.caseId, caseNumber: row.caseNumber, step: 'arrival', threshold: row.threshold })),
        ],
        more: next !== null,
      };
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
