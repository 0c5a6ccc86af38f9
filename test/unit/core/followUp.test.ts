import { describe, expect, it } from 'vitest';
import { recordEvents } from '../../../db/eventStore.js';
import { rowToEvent, type EventRow } from '../../../db/eventLog.js';
import type { Db } from '../../../db/open.js';
import type { OpenDesk } from '../../../electron/core/openDesk.js';
import type { CaseActionRequest } from '../../../shared/contract.js';
import { complaint, ok, openTeamDesk, openTestDesk, type Team } from '../../fixtures/desk.js';

function clockAt(iso: string) {
  let now = Date.parse(iso);
  return { now: () => now, set: (next: string) => void (now = Date.parse(next)) };
}

/** A session for this person now: days pass in these tests, and sessions end after twelve idle hours. */
const as = (desk: OpenDesk, person: Team[keyof Team]) => ok(desk, undefined, 'auth.signIn', { staffId: person.staff.id, pin: person.pin }).session;

const allEvents = (db: Db) => (db.prepare('SELECT * FROM events ORDER BY seq').all() as EventRow[]).map(rowToEvent);

/** A case carried to "result fed back" at `feedbackAt`, through the real contract. */
function fedBack(desk: OpenDesk, team: Team, clock: ReturnType<typeof clockAt>, feedbackAt: string, nature: 'valid' | 'communication' = 'valid', major = false) {
  const act = (session: string, id: string, action: CaseActionRequest) => ok(desk, session, 'case.act', { id, action });
  const { id } = ok(desk, team.clerk.session, 'case.create', complaint());
  const c = team.clerk.session;
  act(c, id, { type: 'classified', payload: { severity: 2, major, nature, communicationKind: nature === 'communication' ? 'consulting' : null, content: 'product', cause: 'product_quality', motive: 'emotional' } });
  act(c, id, { type: 'customer_contacted', payload: { summary: '已回电' } });
  act(c, id, { type: 'investigated', payload: { findings: '属实' } });
  act(c, id, { type: 'proposal_made', payload: { remedy: '上门维修' } });
  act(major ? team.manager.session : team.supervisor.session, id, { type: 'approved', payload: {} });
  act(c, id, { type: 'executed', payload: { summary: '已更换密封圈' } });
  clock.set(feedbackAt);
  act(as(desk, team.clerk), id, { type: 'feedback_given', payload: { summary: '已向客户说明' } });
  return id;
}

describe('follow-up visits (回访)', () => {
  it('is due three working days after the feedback, across National Day and its make-up Saturday', () => {
    const clock = clockAt('2026-09-30T01:00:00Z');
    const { desk, team } = openTeamDesk(clock);
    // Wednesday 30 September 10:00 in Beijing; 1–7 October are holidays, Saturday 10 October is worked.
    const id = fedBack(desk, team, clock, '2026-09-30T02:00:00Z');
    const [item] = ok(desk, team.clerk.session, 'followUp.list', {}).items;
    expect(item).toMatchObject({ id, execution: '已更换密封圈', feedback: '已向客户说明', attempts: 0, callerName: '张敏' });
    // 7.5 h on the 30th, 8.5 h on the 8th and the 9th, the last hour on Saturday the 10th.
    expect(new Date(item!.dueAt!).toISOString()).toBe('2026-10-10T02:00:00.000Z');
  });

  it('schedules each retry on another working day, and closes as unreachable after the third, which lets the case close', () => {
    const clock = clockAt('2026-10-12T02:00:00Z');
    const { desk, team } = openTeamDesk(clock);
    const id = fedBack(desk, team, clock, '2026-10-12T02:00:00Z');
    expect(desk.dispatch('case.act', { id, action: { type: 'closed', payload: { customerAccepted: true } } }, team.clerk.session)).toMatchObject({
      ok: false,
      error: { reason: 'needs_follow_up' },
    });
    const attempt = (at: string, outcome: 'no_answer' | 'refused') => {
      clock.set(at);
      return ok(desk, as(desk, team.clerk), 'case.act', { id, action: { type: 'follow_up_attempted', payload: { outcome, note: '' } } });
    };
    attempt('2026-10-13T08:00:00Z', 'no_answer'); // Tuesday 16:00 in Beijing
    const [item] = ok(desk, as(desk, team.clerk), 'followUp.list', {}).items;
    expect(item).toMatchObject({ attempts: 1, maxAttempts: 3 });
    expect(new Date(item!.nextAttemptAt!).toISOString()).toBe('2026-10-14T01:00:00.000Z'); // Wednesday 09:00
    attempt('2026-10-14T02:00:00Z', 'no_answer');
    const third = attempt('2026-10-15T02:00:00Z', 'refused');
    expect(third.case).toMatchObject({ status: 'followed_up', followUpState: 'unreachable' });
    expect(ok(desk, as(desk, team.clerk), 'followUp.list', {}).items).toEqual([]);
    expect(ok(desk, as(desk, team.clerk), 'case.act', { id, action: { type: 'closed', payload: { customerAccepted: true } } }).case.status).toBe('closed');
  });

  it('reopens a case when the customer is dissatisfied or the problem not solved, and a major one goes back to the supervisor named', () => {
    const clock = clockAt('2026-10-12T02:00:00Z');
    const { desk, team } = openTeamDesk(clock);
    const id = fedBack(desk, team, clock, '2026-10-12T02:00:00Z');
    const after = ok(desk, team.clerk.session, 'case.act', {
      id,
      action: { type: 'followed_up', payload: { satisfaction: 4, solved: 'partly', expectationMet: false, improve: ['speed'], suggestions: '希望快一点' } },
    });
    expect(after.case).toMatchObject({ status: 'contacted', reopenCount: 1, ownerId: team.clerk.staff.id, followUp: null });
    expect(after.case.followUps).toEqual([expect.objectContaining({ kind: 'reached', satisfaction: 4, solved: 'partly', improve: ['speed'] })]);

    const major = fedBack(desk, team, clock, '2026-10-12T03:00:00Z', 'valid', true);
    // A major case goes back to management: a clerk is not an acceptable return.
    expect(desk.dispatch('case.act', { id: major, action: { type: 'followed_up', payload: { satisfaction: 1, solved: 'no', returnTo: team.clerk2.staff.id } } }, team.clerk.session)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    const back = ok(desk, team.clerk.session, 'case.act', { id: major, action: { type: 'followed_up', payload: { satisfaction: 1, solved: 'no', returnTo: team.supervisor.staff.id } } });
    expect(back.case).toMatchObject({ status: 'contacted', ownerId: team.supervisor.staff.id });

    // Satisfied and solved: the case may close. The customer's dissatisfaction is a signal next time.
    const fine = fedBack(desk, team, clock, '2026-10-12T04:00:00Z');
    const done = ok(desk, team.clerk.session, 'case.act', { id: fine, action: { type: 'followed_up', payload: { satisfaction: 5, solved: 'yes', expectationMet: true } } });
    expect(done.case).toMatchObject({ status: 'followed_up', followUpState: 'reached' });
    const check = ok(desk, team.clerk.session, 'intake.check', { phone: '13800138000', name: '王女士', description: '又坏了' });
    expect(check.dissatisfied).toBe(2);
  });

  it('lets a communication complaint close without a follow-up (the default policy), and a supervisor give the call to a colleague', () => {
    const clock = clockAt('2026-10-12T02:00:00Z');
    const { desk, team } = openTeamDesk(clock);
    const id = fedBack(desk, team, clock, '2026-10-12T02:00:00Z', 'communication');
    expect(desk.dispatch('case.act', { id, action: { type: 'follow_up_assigned', payload: { toId: team.clerk2.staff.id } } }, team.clerk.session)).toMatchObject({
      ok: false,
      error: { reason: 'not_permitted' },
    });
    ok(desk, team.supervisor.session, 'case.act', { id, action: { type: 'follow_up_assigned', payload: { toId: team.clerk2.staff.id } } });
    expect(ok(desk, team.clerk2.session, 'followUp.list', { scope: 'mine' }).items.map((i) => i.id)).toEqual([id]);
    expect(ok(desk, team.clerk.session, 'followUp.list', { scope: 'mine' }).items).toEqual([]);
    expect(ok(desk, team.clerk.session, 'case.act', { id, action: { type: 'closed', payload: { customerAccepted: true } } }).case.status).toBe('closed');
  });

  it('two offline desks keep both their attempts, and an outcome recorded on one closes the follow-up on the other', () => {
    const clock = clockAt('2026-10-12T02:00:00Z');
    const { desk: a, team, dataDir } = openTeamDesk(clock);
    const id = fedBack(a, team, clock, '2026-10-12T02:00:00Z');
    const b = openTestDesk(`${dataDir}-b`, clock);
    recordEvents(b.db, allEvents(a.db));
    clock.set('2026-10-13T02:00:00Z');
    ok(a, as(a, team.clerk), 'case.act', { id, action: { type: 'follow_up_attempted', payload: { outcome: 'no_answer', note: '' } } });
    clock.set('2026-10-13T03:00:00Z');
    ok(b, as(b, team.supervisor), 'case.act', { id, action: { type: 'follow_up_attempted', payload: { outcome: 'wrong_number', note: '' } } });
    clock.set('2026-10-14T02:00:00Z');
    ok(b, as(b, team.supervisor), 'case.act', { id, action: { type: 'followed_up', payload: { satisfaction: 5, solved: 'yes', expectationMet: true } } });
    const [logA, logB] = [allEvents(a.db), allEvents(b.db)];
    recordEvents(a.db, logB);
    recordEvents(b.db, logA);
    const seenA = ok(a, as(a, team.clerk), 'case.get', { id }).case;
    const seenB = ok(b, as(b, team.clerk2), 'case.get', { id }).case;
    expect(seenA.followUps.map((f) => f.kind)).toEqual(['not_reached', 'not_reached', 'reached']);
    expect(seenA).toEqual(seenB);
    expect(seenA.status).toBe('followed_up');
    expect(ok(a, as(a, team.clerk), 'followUp.list', {}).items).toEqual([]);
  });
});
