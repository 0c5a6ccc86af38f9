import { OPEN_STATUSES, type CaseStatus } from './complaint.js';
import { isMoreSerious } from './classification.js';
import { MAX_FOLLOW_UP_ATTEMPTS, reopensCase } from './followUp.js';
import type { ComplaintEventType, ComplaintPayload } from './events.js';
import { SUPERVISING_ROLES, type Actor } from './staff.js';
import type { CaseView } from './fold.js';
import { isWorkOrderEvent, workOrderRefusal, WORK_ORDER_EVENT_TYPES, type WorkOrderEventType, type WorkOrderRefusal } from './workOrder.js';

/**
 * The case state machine, as data: for each action, the states it may start from, the state it
 * leads to, and who may take it. The fold, the core and the UI all ask this one table, so the
 * buttons shown, the writes accepted and the conflicts found after a merge always agree.
 */
export type CaseAction = Exclude<ComplaintEventType, 'received'>;

export type RefusalReason =
  | 'wrong_state'
  | 'not_permitted'
  | 'not_owner'
  | 'needs_classification'
  | 'needs_manager'
  | 'own_proposal'
  | 'not_more_serious'
  | 'same_owner'
  | 'no_such_conflict'
  | 'already_paused'
  | 'not_paused'
  /** A valid complaint closes only after the customer was reached at follow-up, or could not be. */
  | 'needs_follow_up'
  | WorkOrderRefusal;

type Who = 'anyone' | 'owner_or_supervisor' | 'supervisor' | 'executor' | 'follow_up_caller';

interface Rule {
  from: readonly CaseStatus[] | 'open' | 'any';
  /** Where the case goes; some steps depend on what was recorded (a dissatisfied follow-up). */
  to: (current: CaseStatus, view: CaseView, payload: never) => CaseStatus;
  who: Who;
  /** Further conditions on the case and the actor; returns why the action is refused. */
  guard?: (view: CaseView, actor: Actor) => RefusalReason | null;
  /** Conditions on what the action says (checked when the payload is known). */
  payloadGuard?: (view: CaseView, payload: never, actor: Actor) => RefusalReason | null;
}

const stay = (s: CaseStatus) => s;
const advanceFrom =
  (earlier: readonly CaseStatus[], to: CaseStatus) =>
  (s: CaseStatus): CaseStatus =>
    earlier.includes(s) ? to : s;
const goTo = (to: CaseStatus) => () => to;

/** Every step of a work order is checked by the order's own state machine (shared/workOrder.ts). */
const workOrderRule = (type: WorkOrderEventType, to: Rule['to'] = stay): Rule => ({
  from: 'open',
  to,
  who: 'anyone',
  payloadGuard: (view, payload: { workOrderId: string }, actor) => workOrderRefusal(view.workOrders ?? [], view.ownerId, type, payload, actor),
});
const workOrderRules = Object.fromEntries(WORK_ORDER_EVENT_TYPES.map((type) => [type, workOrderRule(type)])) as { [T in WorkOrderEventType]: Rule };

export const RULES: { [A in CaseAction]: Rule } = {
  ...workOrderRules,
  // Agreeing a visit with the customer is contacting them.
  work_order_created: workOrderRule('work_order_created', advanceFrom(['received', 'classified', 'assigned'], 'contacted')),
  // A visit signed off by the customer carries out the approved remedy: no second typing.
  work_order_completed: workOrderRule('work_order_completed', (s, view, payload: { workOrderId: string } | undefined) =>
    s === 'approved' && (view.workOrders ?? []).some((o) => o.id === payload?.workOrderId && o.signature !== null) ? 'executed' : s,
  ),
  classified: { from: 'open', to: advanceFrom(['received'], 'classified'), who: 'owner_or_supervisor' },
  assigned: { from: 'open', to: advanceFrom(['received', 'classified'], 'assigned'), who: 'owner_or_supervisor' },
  handed_over: {
    from: 'open',
    to: stay,
    who: 'owner_or_supervisor',
    payloadGuard: (view, payload: ComplaintPayload<'handed_over'>) => (payload.toId === view.ownerId ? 'same_owner' : null),
  },
  customer_contacted: { from: 'open', to: advanceFrom(['received', 'classified', 'assigned'], 'contacted'), who: 'owner_or_supervisor' },
  investigated: {
    from: ['contacted', 'investigated'],
    to: goTo('investigated'),
    who: 'owner_or_supervisor',
    guard: (view) => (view.classification ? null : 'needs_classification'),
  },
  proposal_made: { from: ['investigated'], to: goTo('proposed'), who: 'owner_or_supervisor' },
  proposal_withdrawn: { from: ['proposed'], to: goTo('investigated'), who: 'owner_or_supervisor' },
  proposal_rejected: { from: ['proposed'], to: goTo('investigated'), who: 'supervisor', guard: (view, actor) => managementGuard(view, actor) },
  approved: {
    from: ['proposed'],
    to: goTo('approved'),
    who: 'supervisor',
    // Four eyes: whoever proposed the remedy does not approve it.
    guard: (view, actor) => managementGuard(view, actor) ?? (view.proposal?.by === actor.id ? 'own_proposal' : null),
  },
  executed: { from: ['approved'], to: goTo('executed'), who: 'executor' },
  feedback_given: { from: ['executed'], to: goTo('fed_back'), who: 'owner_or_supervisor' },
  // Dissatisfied, or not (fully) solved: back to work, with the follow-up as the reason.
  followed_up: {
    from: ['fed_back'],
    to: (_s, _view, payload: ComplaintPayload<'followed_up'> | undefined) => (payload && reopensCase(payload) ? 'contacted' : 'followed_up'),
    who: 'follow_up_caller',
  },
  // The last attempt allowed closes the follow-up as unreachable: the case may then close.
  follow_up_attempted: {
    from: ['fed_back'],
    to: (_s, view) => (view.followUpAttempts.length + 1 >= MAX_FOLLOW_UP_ATTEMPTS ? 'followed_up' : 'fed_back'),
    who: 'follow_up_caller',
  },
  follow_up_assigned: { from: 'open', to: stay, who: 'supervisor' },
  closed: {
    from: ['followed_up', 'fed_back'],
    to: goTo('closed'),
    who: 'owner_or_supervisor',
    // Policy default: a communication complaint (help, a question, venting) may close without a follow-up.
    guard: (view) => (view.status === 'fed_back' && view.classification?.nature !== 'communication' ? 'needs_follow_up' : null),
  },
  reopened: { from: ['closed'], to: goTo('contacted'), who: 'owner_or_supervisor' },
  chased: { from: 'open', to: stay, who: 'anyone' },
  escalated: {
    from: 'open',
    to: stay,
    who: 'owner_or_supervisor',
    payloadGuard: (view, payload: ComplaintPayload<'escalated'>) =>
      isMoreSerious({ severity: view.severity, major: view.major }, payload) ? null : 'not_more_serious',
  },
  note_added: { from: 'any', to: stay, who: 'anyone' },
  guidance_step_done: { from: 'open', to: stay, who: 'anyone' },
  clock_paused: { from: 'open', to: stay, who: 'owner_or_supervisor', guard: (view) => (view.pauses.some((p) => p.end === null) ? 'already_paused' : null) },
  clock_resumed: { from: 'open', to: stay, who: 'owner_or_supervisor', guard: (view) => (view.pauses.some((p) => p.end === null) ? null : 'not_paused') },
  conflict_settled: {
    from: 'any',
    to: stay,
    who: 'owner_or_supervisor',
    payloadGuard: (view, payload: ComplaintPayload<'conflict_settled'>) =>
      view.conflicts.some((c) => c.eventId === payload.eventId && !c.settled) ? null : 'no_such_conflict',
  },
};

/** A major case is routed to management: only a manager decides on its remedy. */
function managementGuard(view: CaseView, actor: Actor): RefusalReason | null {
  return view.major && actor.role === 'supervisor' ? 'needs_manager' : null;
}

export const CASE_ACTIONS = Object.keys(RULES) as CaseAction[];

function whoRefusal(who: Who, view: CaseView, actor: Actor): RefusalReason | null {
  const supervising = SUPERVISING_ROLES.includes(actor.role);
  const owner = view.ownerId === actor.id;
  switch (who) {
    case 'anyone':
      return null;
    case 'owner_or_supervisor':
      return owner || supervising ? null : 'not_owner';
    case 'supervisor':
      return supervising ? null : 'not_permitted';
    case 'executor':
      return owner || supervising || actor.role === 'technician' ? null : 'not_owner';
    case 'follow_up_caller':
      return owner || supervising || view.followUpOwnerId === actor.id ? null : 'not_owner';
  }
}

function fromAllows(from: Rule['from'], status: CaseStatus): boolean {
  if (from === 'any') return true;
  if (from === 'open') return OPEN_STATUSES.includes(status);
  return from.includes(status);
}

/** Why `actor` may not take `action` on the case now, or null when they may. */
export function refusal(view: CaseView, action: CaseAction, actor: Actor, payload?: unknown): RefusalReason | null {
  const rule = RULES[action];
  if (!fromAllows(rule.from, view.status)) return 'wrong_state';
  const who = whoRefusal(rule.who, view, actor);
  if (who) return who;
  const guarded = rule.guard?.(view, actor) ?? null;
  if (guarded) return guarded;
  return payload !== undefined && rule.payloadGuard ? rule.payloadGuard(view, payload as never, actor) : null;
}

/** The actions the UI offers this person on this case: refused ones are not shown at all. Work orders have their own screen. */
export function allowedActions(view: CaseView, actor: Actor): CaseAction[] {
  return CASE_ACTIONS.filter((action) => {
    if (isWorkOrderEvent(action)) return false;
    if (action === 'conflict_settled') return view.conflicts.some((c) => !c.settled) && refusal(view, action, actor) === null;
    if (action === 'escalated') return refusal(view, action, actor) === null && (view.severity !== 1 || !view.major);
    return refusal(view, action, actor) === null;
  });
}

export function nextStatus(view: CaseView, action: CaseAction, payload?: unknown): CaseStatus {
  return RULES[action].to(view.status, view, payload as never);
}

/** The steps that move a case along the seeds' process, in its order. */
const FORWARD_STEPS: readonly CaseAction[] = [
  'classified',
  'assigned',
  'customer_contacted',
  'investigated',
  'proposal_made',
  'approved',
  'executed',
  'feedback_given',
  'followed_up',
  'closed',
];

/** The step that moves the case on from where it is now (the one primary button), or null when closed. */
export function nextStep(view: CaseView): CaseAction | null {
  return FORWARD_STEPS.find((action) => fromAllows(RULES[action].from, view.status) && nextStatus(view, action) !== view.status) ?? null;
}

/** Refusals worth explaining to the person looking at the case: the step exists now, but not for them. */
const EXPLAINED: readonly RefusalReason[] = ['needs_manager', 'own_proposal', 'not_owner', 'not_permitted', 'needs_classification'];

/**
 * Why this person cannot take the case's next step, and which colleagues could: a supervisor
 * looking for "approve" on a major case learns that the manager decides, and who that is.
 */
export function blockedStep(view: CaseView, actor: Actor, colleagues: readonly Actor[]): { action: CaseAction; reason: RefusalReason; who: string[] } | null {
  const action = nextStep(view);
  const reason = action ? refusal(view, action, actor) : null;
  if (!action || !reason || !EXPLAINED.includes(reason)) return null;
  return { action, reason, who: colleagues.filter((c) => c.id !== actor.id && refusal(view, action, c) === null).map((c) => c.id) };
}
