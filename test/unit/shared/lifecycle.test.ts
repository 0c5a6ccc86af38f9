import { WORK_ORDER_EVENT_TYPES, type WorkOrderEventType } from '../../../shared/workOrder.js';
import { describe, expect, it } from 'vitest';
import { foldCase, type CaseView } from '../../../shared/fold.js';
import { CASE_ACTIONS, allowedActions, refusal, type CaseAction } from '../../../shared/lifecycle.js';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/complaint.js';
import type { Actor } from '../../../shared/staff.js';
import type { EventEnvelope } from '../../../shared/events.js';
import { newId } from '../../../shared/ids.js';
import { CLERK, receivedEvent, stamp } from '../../fixtures/events.js';
import { samplePayload } from '../../fixtures/lifecycle.js';

const people = {
  owner: { id: CLERK, role: 'clerk' },
  otherClerk: { id: 'clerk-wang', role: 'clerk' },
  technician: { id: 'tech-zhao', role: 'technician' },
  supervisor: { id: 'supervisor-li', role: 'supervisor' },
  manager: { id: 'manager-chen', role: 'manager' },
} satisfies Record<string, Actor>;
type Person = keyof typeof people;

/** The seeds' process, step by step, taken by the owner and approved by the supervisor. */
const HAPPY_PATH: Array<[CaseAction, Person, CaseStatus]> = [
  ['classified', 'owner', 'classified'],
  ['assigned', 'owner', 'assigned'],
  ['customer_contacted', 'owner', 'contacted'],
  ['investigated', 'owner', 'investigated'],
  ['proposal_made', 'owner', 'proposed'],
  ['approved', 'supervisor', 'approved'],
  ['executed', 'technician', 'executed'],
  ['feedback_given', 'owner', 'fed_back'],
  ['followed_up', 'supervisor', 'followed_up'],
  ['closed', 'owner', 'closed'],
];

function caseAt(status: CaseStatus): CaseView {
  const id = newId();
  const events: EventEnvelope[] = [receivedEvent(id, 1_000)];
  let view = foldCase(events)!;
  for (const [i, [action, person, reached]] of HAPPY_PATH.entries()) {
    if (view.status === status) break;
    const actor = people[person];
    events.push({ ...events[0]!, id: newId(), type: action, payload: samplePayload(action, view, people.otherClerk.id), actor: actor.id, actorRole: actor.role, hlc: stamp(2_000 + i) });
    view = foldCase(events)!;
    expect(view.status).toBe(reached);
  }
  expect(view.conflicts).toEqual([]);
  return view;
}

const OPEN = CASE_STATUSES.filter((s) => s !== 'closed');
const OWNER_SIDE: Person[] = ['owner', 'supervisor', 'manager'];
const EVERYONE: Person[] = ['owner', 'otherClerk', 'technician', 'supervisor', 'manager'];

/** Who may do what from which state: the process of domain.md and the issue, written out as a table. */
const EXPECTED: Record<Exclude<CaseAction, 'conflict_settled' | WorkOrderEventType>, { from: readonly CaseStatus[]; who: Person[] }> = {
  classified: { from: OPEN, who: OWNER_SIDE },
  assigned: { from: OPEN, who: OWNER_SIDE },
  handed_over: { from: OPEN, who: OWNER_SIDE },
  customer_contacted: { from: OPEN, who: OWNER_SIDE },
  investigated: { from: ['contacted', 'investigated'], who: OWNER_SIDE },
  proposal_made: { from: ['investigated'], who: OWNER_SIDE },
  proposal_withdrawn: { from: ['proposed'], who: OWNER_SIDE },
  proposal_rejected: { from: ['proposed'], who: ['supervisor', 'manager'] },
  approved: { from: ['proposed'], who: ['supervisor', 'manager'] },
  executed: { from: ['approved'], who: ['owner', 'technician', 'supervisor', 'manager'] },
  feedback_given: { from: ['executed'], who: OWNER_SIDE },
  followed_up: { from: ['fed_back'], who: OWNER_SIDE },
  follow_up_attempted: { from: ['fed_back'], who: OWNER_SIDE },
  follow_up_assigned: { from: OPEN, who: ['supervisor', 'manager'] },
  closed: { from: ['followed_up'], who: OWNER_SIDE },
  reopened: { from: ['closed'], who: OWNER_SIDE },
  chased: { from: OPEN, who: EVERYONE },
  escalated: { from: OPEN, who: OWNER_SIDE },
  note_added: { from: CASE_STATUSES, who: EVERYONE },
  guidance_step_done: { from: OPEN, who: EVERYONE },
  clock_paused: { from: OPEN, who: OWNER_SIDE },
  // None of the cases above is paused, so resuming is offered nowhere (see the pause test).
  clock_resumed: { from: [], who: OWNER_SIDE },
};

describe('the case state machine', () => {
  const views = Object.fromEntries(CASE_STATUSES.map((s) => [s, caseAt(s)])) as Record<CaseStatus, CaseView>;

  for (const [action, rule] of Object.entries(EXPECTED) as Array<[CaseAction, (typeof EXPECTED)['classified']]>) {
    it(`${action}: allowed exactly from ${rule.from.length === CASE_STATUSES.length ? 'every state' : rule.from.join('/')} for ${rule.who.join(', ')}`, () => {
      for (const status of CASE_STATUSES) {
        for (const person of EVERYONE) {
          const view = views[status];
          const answer = refusal(view, action, people[person], samplePayload(action, view, people.otherClerk.id));
          const expected = rule.from.includes(status) && rule.who.includes(person);
          expect(answer === null, `${action} from ${status} by ${person}: ${answer}`).toBe(expected);
          expect(allowedActions(view, people[person]).includes(action), `offered ${action} at ${status} to ${person}`).toBe(expected);
        }
      }
    });
  }

  it('lets nobody approve their own proposal, and only a manager decide on a major case', () => {
    const proposed = views.proposed;
    expect(refusal({ ...proposed, proposal: { ...proposed.proposal!, by: people.supervisor.id } }, 'approved', people.supervisor)).toBe('own_proposal');
    const major = { ...proposed, major: true };
    expect(refusal(major, 'approved', people.supervisor)).toBe('needs_manager');
    expect(refusal(major, 'proposal_rejected', people.supervisor)).toBe('needs_manager');
    expect(refusal(major, 'approved', people.manager)).toBeNull();
  });

  it('needs a classification before investigating, and an escalation that really raises the case', () => {
    const contactedUnclassified = { ...views.contacted, classification: null };
    expect(refusal(contactedUnclassified, 'investigated', people.owner)).toBe('needs_classification');
    const graded = views.contacted; // severity 2, general
    expect(refusal(graded, 'escalated', people.owner, { severity: 3, major: false, reason: 'x' })).toBe('not_more_serious');
    expect(refusal(graded, 'escalated', people.owner, { severity: 1, major: false, reason: 'x' })).toBeNull();
    expect(refusal(graded, 'handed_over', people.owner, { toId: CLERK, reason: 'x' })).toBe('same_owner');
  });

  it('hands ownership over only explicitly: after a handover the first owner can no longer act as owner', () => {
    const id = newId();
    const base = receivedEvent(id, 1_000);
    const handover = { ...base, id: newId(), type: 'handed_over', payload: { toId: people.otherClerk.id, reason: '调岗' }, hlc: stamp(2_000) };
    const lateContact = { ...base, id: newId(), type: 'customer_contacted', payload: { summary: '回电' }, hlc: stamp(3_000) };
    const view = foldCase([base, handover, lateContact])!;
    expect(view.ownerId).toBe(people.otherClerk.id);
    expect(view.conflicts).toEqual([{ eventId: lateContact.id, type: 'customer_contacted', actor: CLERK, reason: 'not_owner', settled: false }]);
    expect(allowedActions(view, people.otherClerk)).toContain('conflict_settled');
    expect(allowedActions(view, people.owner)).not.toContain('conflict_settled');
  });

  it('pauses the clock only when it runs, and resumes it only when paused', () => {
    const id = newId();
    const base = receivedEvent(id, 1_000);
    const pause = { ...base, id: newId(), type: 'clock_paused', payload: { reason: '等客户提供凭证' }, hlc: stamp(2_000) };
    const again = { ...base, id: newId(), type: 'clock_paused', payload: { reason: '又暂停' }, hlc: stamp(3_000) };
    const resume = { ...base, id: newId(), type: 'clock_resumed', payload: {}, hlc: stamp(4_000) };
    const view = foldCase([base, pause, again, resume])!;
    expect(view.pauses).toEqual([{ start: 2_000, end: 4_000 }]);
    expect(view.conflicts.map((c) => c.reason)).toEqual(['already_paused']);
    expect(allowedActions(view, people.owner)).toContain('clock_paused');
    expect(allowedActions(view, people.owner)).not.toContain('clock_resumed');
  });

  it('covers every action of the lifecycle in this table', () => {
    expect([...Object.keys(EXPECTED), 'conflict_settled', ...WORK_ORDER_EVENT_TYPES].sort()).toEqual([...CASE_ACTIONS].sort());
  });
});
