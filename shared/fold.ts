import type { CaseStatus, Channel } from './complaint.js';
import type { Classification, Severity } from './classification.js';
import { ComplaintEventPayloads, type ComplaintEventType, type ComplaintPayload, type EventEnvelope } from './events.js';
import { parseCaseNumber } from './caseNumber.js';
import { nextStatus, refusal, type CaseAction, type RefusalReason } from './lifecycle.js';
import type { Step } from './guidance/steps.js';
import { hlcWallMs } from './hlc.js';
import { MAX_FOLLOW_UP_ATTEMPTS, reopensCase, type NotReached, type Solved } from './followUp.js';
import { STEP_OF_STATUS } from './sla/clocks.js';
import type { SlaStep } from './sla/policy.js';
import type { SignalKind } from './guidance/lexicons.js';
import { applyWorkOrderEvent, executionSummary, isWorkOrderEvent, type WorkOrderView } from './workOrder.js';

export type ConflictReason = RefusalReason | 'before_received' | 'duplicate_received' | 'invalid_payload';

export interface CaseConflict {
  eventId: string;
  type: string;
  actor: string;
  reason: ConflictReason;
  settled: boolean;
}

/** The case as every replica sees it after folding the same events: a pure function of the log. */
export interface CaseView {
  id: string;
  caseNumber: string;
  casePrefix: string;
  caseSeq: number;
  branch: string;
  customerId: string | null;
  customerName: string;
  customerPhone: string;
  channel: Channel;
  description: string;
  expectation: string;
  repeatOf: string[];
  /** The calming script shown and the steps done, at intake and on the case since. */
  guidance: { scriptVersion: number; stepsDone: Step[] } | null;
  status: CaseStatus;
  receivedAt: string;
  receivedBy: string;
  receivedDevice: string;
  receivedHlc: string;
  lastHlc: string;
  /** First-contact responsibility: the receiver owns the case until an explicit handover. */
  ownerId: string;
  classification: Classification | null;
  severity: Severity | null;
  major: boolean;
  firstContactAtMs: number | null;
  receivedAtMs: number;
  /** When the current SLA step began (the clock's start). */
  stepStartedAtMs: number;
  pauses: Array<{ start: number; end: number | null }>;
  /** Every process step the case has finished, in order (a reopened case goes through some twice): SLA compliance. */
  finishedSteps: Array<{ step: SlaStep; startedAtMs: number; endedAtMs: number }>;
  /** The escalation signals the guidance raised at intake (media, regulator, legal…), as the clerk saw them. */
  signals: SignalKind[];
  policyVersion: number;
  chaseCount: number;
  proposal: (ComplaintPayload<'proposal_made'> & { by: string }) | null;
  findings: string | null;
  /** The latest follow-up in which the customer was reached (cleared when the case goes back to work). */
  followUp: ComplaintPayload<'followed_up'> | null;
  /** Every follow-up outcome the case has had, reached or not, oldest first: the customer's history. */
  followUps: Array<FollowUpRecord>;
  /** Calls of the current follow-up that did not reach the customer. */
  followUpAttempts: Array<{ at: number; outcome: NotReached; by: string }>;
  /** 'unreachable' once the last attempt allowed has failed. */
  followUpState: 'pending' | 'reached' | 'unreachable' | null;
  /** Who calls the customer back, when a supervisor gave it to someone other than the owner. */
  followUpOwnerId: string | null;
  /** What was done and what the customer was told: the follow-up call reads them out. */
  execution: string | null;
  feedback: string | null;
  feedbackAtMs: number | null;
  closing: ComplaintPayload<'closed'> | null;
  /** When the case was (last) closed: handling time for the reports. */
  closedAtMs: number | null;
  reopenCount: number;
  noteCount: number;
  /** The notes' text, oldest first: search finds a case by what colleagues wrote on it. */
  notes: string[];
  eventCount: number;
  /** Events this version of the app cannot interpret (a newer app wrote them); kept, never dropped. */
  unknownEventCount: number;
  /** Onsite visits booked on the case, oldest first (a second visit follows the first). */
  workOrders: WorkOrderView[];
  /** Events not valid at their place in HLC order (e.g. two offline desks both closed the case). */
  conflicts: CaseConflict[];
}

export type FollowUpRecord =
  | { kind: 'reached'; at: number; by: string; satisfaction: number; solved: Solved; expectationMet: boolean | null; improve: string[]; suggestions: string }
  | { kind: 'not_reached'; at: number; by: string; outcome: NotReached };

export const byHlc = (a: Pick<EventEnvelope, 'hlc' | 'id'>, b: Pick<EventEnvelope, 'hlc' | 'id'>): number =>
  a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function startCase(event: EventEnvelope, p: ComplaintPayload<'received'>, pending: CaseConflict[]): CaseView | null {
  const number = parseCaseNumber(p.caseNumber);
  if (!number) return null;
  return {
    id: event.entityId,
    caseNumber: p.caseNumber,
    casePrefix: number.prefix,
    caseSeq: number.seq,
    branch: p.branch,
    customerId: p.customerId,
    customerName: p.customer.name,
    customerPhone: p.customer.phone,
    channel: p.channel,
    description: p.description,
    expectation: p.expectation,
    repeatOf: p.repeatOf,
    guidance: p.guidance,
    status: 'received',
    receivedAt: p.receivedAt,
    receivedBy: event.actor,
    receivedDevice: event.device,
    receivedHlc: event.hlc,
    lastHlc: event.hlc,
    ownerId: event.actor,
    classification: null,
    severity: null,
    major: false,
    firstContactAtMs: null,
    receivedAtMs: Date.parse(p.receivedAt),
    stepStartedAtMs: Date.parse(p.receivedAt),
    pauses: [],
    finishedSteps: [],
    signals: p.signals,
    policyVersion: p.policyVersion,
    chaseCount: 0,
    proposal: null,
    findings: null,
    followUp: null,
    followUps: [],
    followUpAttempts: [],
    followUpState: null,
    followUpOwnerId: null,
    execution: null,
    feedback: null,
    feedbackAtMs: null,
    closing: null,
    closedAtMs: null,
    reopenCount: 0,
    noteCount: 0,
    notes: [],
    eventCount: 1,
    unknownEventCount: 0,
    workOrders: [],
    conflicts: pending.splice(0),
  };
}

/** What an accepted action changes besides the status. */
function applyAction(view: CaseView, event: EventEnvelope, type: CaseAction, payload: unknown): void {
  if (isWorkOrderEvent(type)) {
    const at = hlcWallMs(event.hlc);
    applyWorkOrderEvent(view.workOrders, type, payload, event.actor, at);
    if (type === 'work_order_created') view.firstContactAtMs ??= at;
    const order = view.workOrders.find((o) => o.id === (payload as { workOrderId: string }).workOrderId);
    if (type === 'work_order_completed' && order && view.status === 'approved' && order.signature) view.execution = executionSummary(order);
    return;
  }
  switch (type) {
    case 'classified': {
      const p = payload as ComplaintPayload<'classified'>;
      view.classification = p;
      view.severity = p.severity;
      view.major = p.major;
      return;
    }
    case 'assigned':
      view.ownerId = (payload as ComplaintPayload<'assigned'>).ownerId;
      return;
    case 'handed_over':
      view.ownerId = (payload as ComplaintPayload<'handed_over'>).toId;
      return;
    case 'customer_contacted':
      view.firstContactAtMs ??= hlcWallMs(event.hlc);
      return;
    case 'clock_paused':
      view.pauses.push({ start: hlcWallMs(event.hlc), end: null });
      return;
    case 'clock_resumed': {
      const open = view.pauses.find((p) => p.end === null);
      if (open) open.end = Math.max(open.start, hlcWallMs(event.hlc));
      return;
    }
    case 'investigated':
      view.findings = (payload as ComplaintPayload<'investigated'>).findings;
      return;
    case 'proposal_made':
      view.proposal = { ...(payload as ComplaintPayload<'proposal_made'>), by: event.actor };
      return;
    case 'proposal_withdrawn':
    case 'proposal_rejected':
      view.proposal = null;
      return;
    case 'followed_up': {
      const p = payload as ComplaintPayload<'followed_up'>;
      const at = hlcWallMs(event.hlc);
      view.followUps.push({ kind: 'reached', at, by: event.actor, satisfaction: p.satisfaction, solved: p.solved, expectationMet: p.expectationMet, improve: p.improve, suggestions: p.suggestions });
      if (reopensCase(p)) {
        // Back to work: the owner (or the supervisor named for a major case) takes it up again.
        view.reopenCount += 1;
        view.followUp = null;
        view.followUpState = null;
        view.proposal = null;
        if (p.returnTo) view.ownerId = p.returnTo;
      } else {
        view.followUp = p;
        view.followUpState = 'reached';
      }
      return;
    }
    case 'follow_up_attempted': {
      const p = payload as ComplaintPayload<'follow_up_attempted'>;
      const attempt = { at: hlcWallMs(event.hlc), outcome: p.outcome, by: event.actor };
      view.followUpAttempts.push(attempt);
      view.followUps.push({ kind: 'not_reached', ...attempt });
      if (view.followUpAttempts.length >= MAX_FOLLOW_UP_ATTEMPTS) view.followUpState = 'unreachable';
      return;
    }
    case 'follow_up_assigned':
      view.followUpOwnerId = (payload as ComplaintPayload<'follow_up_assigned'>).toId;
      return;
    case 'executed':
      view.execution = (payload as ComplaintPayload<'executed'>).summary;
      return;
    case 'feedback_given':
      // Each feedback opens a new follow-up: its attempts start again.
      view.feedback = (payload as ComplaintPayload<'feedback_given'>).summary;
      view.feedbackAtMs = hlcWallMs(event.hlc);
      view.followUpAttempts = [];
      view.followUpState = 'pending';
      return;
    case 'closed':
      view.closing = payload as ComplaintPayload<'closed'>;
      view.closedAtMs = hlcWallMs(event.hlc);
      return;
    case 'reopened':
      view.reopenCount += 1;
      view.closing = null;
      view.followUp = null;
      view.proposal = null;
      return;
    case 'chased':
      view.chaseCount += 1;
      return;
    case 'escalated': {
      const p = payload as ComplaintPayload<'escalated'>;
      view.major ||= p.major;
      if (p.severity !== null && (view.severity === null || p.severity < view.severity)) view.severity = p.severity;
      return;
    }
    case 'note_added':
      view.noteCount += 1;
      view.notes.push((payload as ComplaintPayload<'note_added'>).text);
      return;
    case 'guidance_step_done': {
      const p = payload as ComplaintPayload<'guidance_step_done'>;
      const done = view.guidance?.stepsDone ?? [];
      view.guidance = { scriptVersion: p.scriptVersion, stepsDone: done.includes(p.step) ? done : [...done, p.step] };
      return;
    }
    case 'conflict_settled': {
      const settled = view.conflicts.find((c) => c.eventId === (payload as ComplaintPayload<'conflict_settled'>).eventId);
      if (settled) settled.settled = true;
      return;
    }
    case 'approved':
      return;
  }
}

/**
 * Folds one complaint's events, in HLC order, into its view. Never throws and never drops an
 * event: one that is not valid at its place (wrong state, wrong person, bad payload) is kept as a
 * conflict for the owner or a supervisor to settle. Returns null while the case has no valid
 * `received` event yet (e.g. a note synced ahead of its case).
 */
export function foldCase(events: readonly EventEnvelope[]): CaseView | null {
  const ordered = [...events].sort(byHlc);
  let view: CaseView | null = null;
  const pending: CaseConflict[] = [];
  const conflict = (event: EventEnvelope, reason: ConflictReason) => {
    const entry = { eventId: event.id, type: event.type, actor: event.actor, reason, settled: false };
    if (view) view.conflicts.push(entry);
    else pending.push(entry);
  };

  for (const event of ordered) {
    if (view) {
      view.eventCount += 1;
      view.lastHlc = event.hlc;
    }
    if (!(event.type in ComplaintEventPayloads)) {
      if (view) view.unknownEventCount += 1;
      else pending.push({ eventId: event.id, type: event.type, actor: event.actor, reason: 'before_received', settled: false });
      continue;
    }
    const type = event.type as ComplaintEventType;
    const parsed = ComplaintEventPayloads[type].safeParse(event.payload);
    if (!parsed.success) {
      conflict(event, 'invalid_payload');
      continue;
    }
    if (type === 'received') {
      if (view) conflict(event, 'duplicate_received');
      else {
        view = startCase(event, parsed.data as ComplaintPayload<'received'>, pending);
        if (!view) conflict(event, 'invalid_payload');
      }
      continue;
    }
    if (!view) {
      conflict(event, 'before_received');
      continue;
    }
    // Two offline desks may each escalate automatically for the same reason; after the merge the
    // later one raises nothing. It is kept, and it is no conflict: nobody has anything to settle.
    if (type === 'escalated' && event.actorRole === 'system' && refusal(view, type, { id: event.actor, role: 'system' }, parsed.data) === 'not_more_serious') continue;
    const refused = refusal(view, type, { id: event.actor, role: event.actorRole }, parsed.data);
    if (refused) {
      conflict(event, refused);
      continue;
    }
    const status = nextStatus(view, type, parsed.data);
    applyAction(view, event, type, parsed.data);
    // A new SLA step starts its clock when the case moves to a state with a different step.
    const finished = STEP_OF_STATUS[view.status];
    if (STEP_OF_STATUS[status] !== finished) {
      const at = hlcWallMs(event.hlc);
      if (finished) view.finishedSteps.push({ step: finished, startedAtMs: view.stepStartedAtMs, endedAtMs: at });
      view.stepStartedAtMs = at;
    }
    view.status = status;
  }
  return view;
}
