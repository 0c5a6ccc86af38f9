import { describe, expect, it } from 'vitest';
import { viewOf } from '../../../db/complaintQueries.js';
import { recordEvents } from '../../../db/eventStore.js';
import type { EventEnvelope } from '../../../shared/events.js';
import { fakeClock } from '../../fixtures/clock.js';
import { complaint, ok, openTeamDesk, openTestDesk } from '../../fixtures/desk.js';
import { tempDir } from '../../fixtures/tempDir.js';
import { newId } from '../../../shared/ids.js';
import { formatHlc } from '../../../shared/hlc.js';
import { caseNumberPrefix, formatCaseNumber } from '../../../shared/caseNumber.js';

const HOUR = 3_600_000;
const allEvents = (db: import('../../../db/open.js').Db) =>
  (db.prepare('SELECT id, entity, entity_id AS entityId, type, payload, actor, actor_role AS actorRole, device, hlc, schema FROM events').all() as Array<
    Omit<EventEnvelope, 'payload'> & { payload: string }
  >).map((e) => ({ ...e, payload: JSON.parse(e.payload) as unknown })) as EventEnvelope[];

describe('automatic escalation (seed 000)', () => {
  it('makes a case with no contact for 24 hours a graded complaint exactly once', () => {
    const clock = fakeClock('2026-11-23T02:00:00Z');
    const { desk, team } = openTeamDesk(clock);
    const { id } = ok(desk, team.clerk.session, 'case.create', complaint());
    clock.advance(23 * HOUR);
    desk.core.tick();
    expect(desk.db.prepare('SELECT severity FROM complaints WHERE id = ?').get(id)).toEqual({ severity: null });
    clock.advance(2 * HOUR);
    desk.core.tick();
    desk.core.tick();
    const session = ok(desk, undefined, 'auth.signIn', { staffId: team.supervisor.staff.id, pin: team.supervisor.pin }).session;
    const { case: c, timeline } = ok(desk, session, 'case.get', { id });
    expect(c.severity).toBe(3);
    expect(timeline.filter((e) => e.type === 'escalated')).toHaveLength(1);
    expect(timeline.find((e) => e.type === 'escalated')).toMatchObject({ actor: 'system', actorRole: 'system', at: '2026-11-24T02:00:00.000Z' });
  });

  it('escalates a case by the policy it started under, even when a later policy waits longer', () => {
    const clock = fakeClock('2026-11-23T02:00:00Z');
    const { desk, team } = openTeamDesk(clock);
    const { policy } = ok(desk, team.manager.session, 'sla.get', {});
    const { version: _v, ...shorter } = { ...policy, escalateNoContactHours: 4 };
    ok(desk, team.manager.session, 'sla.publishPolicy', { policy: shorter });
    const { id } = ok(desk, team.clerk.session, 'case.create', complaint());
    // The next policy gives new cases 48 hours; this case keeps its 4.
    ok(desk, team.manager.session, 'sla.publishPolicy', { policy: { ...shorter, escalateNoContactHours: 48 } });
    clock.advance(5 * HOUR);
    desk.core.tick();
    const { case: c, timeline } = ok(desk, team.clerk.session, 'case.get', { id });
    expect(c.severity).toBe(3);
    expect(timeline.find((e) => e.type === 'escalated')?.at).toBe('2026-11-23T06:00:00.000Z');
  });

  it('does not escalate a case whose customer was contacted in time', () => {
    const clock = fakeClock('2026-11-23T02:00:00Z');
    const { desk, team } = openTeamDesk(clock);
    const { id } = ok(desk, team.clerk.session, 'case.create', complaint());
    clock.advance(HOUR);
    ok(desk, team.clerk.session, 'case.act', { id, action: { type: 'customer_contacted', payload: { summary: '已回电' } } });
    clock.advance(30 * HOUR);
    const s = ok(desk, undefined, 'auth.signIn', { staffId: team.clerk.staff.id, pin: team.clerk.pin }).session;
    desk.core.tick();
    expect(ok(desk, s, 'case.get', { id }).timeline.some((e) => e.type === 'escalated')).toBe(false);
  });

  it('escalates on the third chaser', () => {
    const clock = fakeClock('2026-11-23T02:00:00Z');
    const { desk, team } = openTeamDesk(clock);
    const { id } = ok(desk, team.clerk.session, 'case.create', complaint());
    ok(desk, team.clerk.session, 'case.act', { id, action: { type: 'customer_contacted', payload: { summary: '已回电' } } });
    for (let i = 0; i < 3; i++) {
      clock.advance(10 * 60_000);
      ok(desk, team.clerk.session, 'case.act', { id, action: { type: 'chased', payload: { source: 'customer' } } });
      desk.core.tick();
    }
    const { timeline, case: c } = ok(desk, team.clerk.session, 'case.get', { id });
    expect(c.severity).toBe(3);
    const types = timeline.map((e) => e.type);
    expect(types.filter((t) => t === 'escalated')).toHaveLength(1);
    expect(types.lastIndexOf('chased')).toBeLessThan(types.indexOf('escalated'));
  });

  it('produces one escalation when two offline desks each detect the breach, then merge their logs', () => {
    const clock = fakeClock('2026-11-23T02:00:00Z');
    const { desk: a, team, dataDir } = openTeamDesk(clock);
    const { id } = ok(a, team.clerk.session, 'case.create', complaint());
    a.close();
    // Desk B starts as a copy of desk A's log (as after a sync), then both go offline.
    const bDir = tempDir();
    const desks = [openTestDesk(dataDir, clock), openTestDesk(bDir, clock)];
    recordEvents(desks[1]!.db, allEvents(desks[0]!.db));
    clock.advance(26 * HOUR);
    for (const desk of desks) desk.core.tick();
    const [logA, logB] = desks.map((d) => allEvents(d.db));
    // Merging: each takes the other's events; the escalations carry the same id and content.
    recordEvents(desks[0]!.db, logB!);
    recordEvents(desks[1]!.db, logA!);
    for (const desk of desks) {
      const escalations = allEvents(desk.db).filter((e) => e.entityId === id && e.type === 'escalated');
      expect(escalations).toHaveLength(1);
    }
    const views = desks.map((d) => d.db.prepare(`SELECT ${viewOf()} AS view, due_at FROM complaints WHERE id = ?`).get(id));
    expect(views[1]).toEqual(views[0]);
  });
});

describe('alarms', () => {
  it('ring once per threshold per step, and not again after a restart', () => {
    const clock = fakeClock('2026-11-23T02:00:00Z'); // Monday 10:00 in Beijing
    const { desk, team, dataDir } = openTeamDesk(clock);
    const { id, caseNumber } = ok(desk, team.clerk.session, 'case.create', complaint());
    const heard: unknown[] = [];
    desk.core.subscribe((event, payload) => event === 'alarm' && heard.push(payload));
    desk.core.tick();
    expect(heard).toEqual([]);
    clock.advance(50 * 60_000); // 10:50 — classification (1 working hour) is due soon
    desk.core.tick();
    desk.core.tick();
    expect(heard).toEqual([{ caseId: id, caseNumber, step: 'classify', threshold: 'due_soon' }]);
    clock.advance(20 * 60_000); // 11:10 — overdue
    desk.core.tick();
    expect(heard).toHaveLength(2);
    expect(heard[1]).toMatchObject({ threshold: 'overdue' });
    desk.close();

    const again = openTestDesk(dataDir, clock);
    const after: unknown[] = [];
    again.core.subscribe((event, payload) => event === 'alarm' && after.push(payload));
    again.core.tick();
    expect(after).toEqual([]);
  });
});

describe('clocks on the case', () => {
  it('say how much working time is left, pause while waiting on the customer, and keep the policy version', () => {
    const clock = fakeClock('2026-11-23T02:00:00Z'); // Monday 10:00
    const { desk, team } = openTeamDesk(clock);
    const { id } = ok(desk, team.clerk.session, 'case.create', complaint());
    let detail = ok(desk, team.clerk.session, 'case.get', { id });
    expect(detail.clock).toMatchObject({ step: 'classify', state: 'ok', minutesLeft: 60 });
    expect(detail.clock!.dueAt).toBe(Date.parse('2026-11-23T03:00:00Z'));

    // A manager shortens classification to 30 minutes: the existing case keeps its deadline.
    const policy = ok(desk, team.manager.session, 'sla.get', {}).policy;
    const { version: _v, ...rest } = policy;
    ok(desk, team.manager.session, 'sla.publishPolicy', { policy: { ...rest, limits: { ...rest.limits, classify: { amount: 30, unit: 'hours' } } } });
    expect(ok(desk, team.clerk.session, 'case.get', { id }).clock!.dueAt).toBe(Date.parse('2026-11-23T03:00:00Z'));

    ok(desk, team.clerk.session, 'case.act', { id, action: { type: 'clock_paused', payload: { reason: '等客户找购买凭证' } } });
    detail = ok(desk, team.clerk.session, 'case.get', { id });
    expect(detail.clock!.state).toBe('paused');
    clock.advance(2 * HOUR);
    ok(desk, team.clerk.session, 'case.act', { id, action: { type: 'clock_resumed', payload: {} } });
    detail = ok(desk, team.clerk.session, 'case.get', { id });
    expect(detail.clock!.dueAt).toBe(Date.parse('2026-11-23T05:00:00Z'));
    expect(detail.timeline.map((e) => e.type)).toEqual(['received', 'clock_paused', 'clock_resumed']);
  });

  it('counts in working days across the National Day holiday and shows overdue in working time', () => {
    const clock = fakeClock('2026-09-30T02:00:00Z'); // Wednesday before National Day
    const { desk, team } = openTeamDesk(clock);
    const { id } = ok(desk, team.clerk.session, 'case.create', complaint());
    ok(desk, team.clerk.session, 'case.act', { id, action: { type: 'customer_contacted', payload: { summary: '已回电' } } });
    ok(desk, team.clerk.session, 'case.act', { id, action: { type: 'classified', payload: { severity: 3, major: false, nature: 'valid', content: 'product', cause: 'product_quality', motive: 'unknown' } } });
    const detail = ok(desk, team.clerk.session, 'case.get', { id });
    // Investigate within 5 working days from 30 Sep 10:00: 1–7 Oct are off, Saturday 10 Oct is a
    // make-up working day, Sunday 11 Oct is off → due Tuesday 13 Oct 10:00.
    expect(detail.clock).toMatchObject({ step: 'investigate' });
    expect(new Date(detail.clock!.dueAt).toISOString()).toBe('2026-10-13T02:00:00.000Z');
    clock.set('2026-10-15T02:00:00Z'); // Thursday 15 Oct 10:00
    const s = ok(desk, undefined, 'auth.signIn', { staffId: team.clerk.staff.id, pin: team.clerk.pin }).session;
    const late = ok(desk, s, 'case.get', { id }).clock!;
    expect(late.state).toBe('overdue');
    expect(late.minutesLeft).toBe(-2 * late.dayMinutes);
  });
});

describe('automatic escalation on two offline desks', () => {
  it('converges when each desk reaches the third chaser with its own chasers', () => {
    const clock = fakeClock('2026-11-23T02:00:00Z');
    const { desk: a, team } = openTeamDesk(clock);
    const { id } = ok(a, team.clerk.session, 'case.create', complaint());
    ok(a, team.clerk.session, 'case.act', { id, action: { type: 'customer_contacted', payload: { summary: '已回电' } } });
    const b = openTestDesk(tempDir(), clock);
    recordEvents(b.db, allEvents(a.db));
    const bSession = ok(b, undefined, 'auth.signIn', { staffId: team.clerk.staff.id, pin: team.clerk.pin }).session;
    for (const [desk, session] of [[a, team.clerk.session], [b, bSession]] as const) {
      for (let i = 0; i < 3; i++) {
        clock.advance(60_000);
        ok(desk, session, 'case.act', { id, action: { type: 'chased', payload: { source: 'customer' } } });
      }
      desk.core.tick();
    }
    const [logA, logB] = [allEvents(a.db), allEvents(b.db)];
    recordEvents(a.db, logB);
    recordEvents(b.db, logA);
    const view = (d: typeof a) => d.db.prepare(`SELECT ${viewOf()} AS view, severity, conflict_count FROM complaints WHERE id = ?`).get(id);
    expect(view(b)).toEqual(view(a));
    expect(view(a)).toMatchObject({ severity: 3, conflict_count: 0 });
  });

  it('opens a desk back from a long holiday at once, then catches up in batches: progress shown, each case escalated and alarmed once', async () => {
    const clock = fakeClock('2026-02-13T02:00:00Z');
    const { desk, team, dataDir } = openTeamDesk(clock);
    const cases = 450;
    const received = (i: number): EventEnvelope => {
      const at = Date.parse('2026-02-13T02:00:00Z') + i * 60_000;
      return {
        id: newId(),
        entity: 'complaint',
        entityId: newId(),
        type: 'received',
        payload: { customer: { name: `客户${i}`, phone: `139${String(i).padStart(8, '0')}` }, channel: 'phone', description: '热水器漏水', expectation: '', caseNumber: formatCaseNumber(caseNumberPrefix('BJ01', 'A', '20260213'), i + 1), branch: 'BJ01', receivedAt: new Date(at).toISOString() },
        actor: team.clerk.staff.id,
        actorRole: 'clerk',
        device: desk.core.deviceId,
        hlc: formatHlc({ wallMs: at, counter: 0, node: desk.core.deviceId }),
        schema: 1,
      };
    };
    const all = Array.from({ length: cases }, (_, i) => received(i));
    recordEvents(desk.db, all);
    desk.close();

    // Back after the Spring Festival: every case is long past its contact deadline.
    clock.set('2026-02-24T01:00:00Z');
    const back = openTestDesk(dataDir, clock, { tickMs: 60_000, tickBatch: 100 });
    // One case whose escalation the database refuses (a fault injected below the app): the rest go on.
    const stuck = all[150]!.entityId;
    back.db.exec(`CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON events WHEN NEW.entity_id = '${stuck}' AND NEW.type = 'escalated' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    const escalatedCount = () => (back.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'escalated'").get() as { n: number }).n;
    const progress: Array<{ escalated: number; alarms: number; finished: boolean }> = [];
    const alarms: unknown[] = [];
    back.core.subscribe((event, payload) => {
      if (event === 'deadlines.progress') progress.push(payload as (typeof progress)[number]);
      if (event === 'alarm') alarms.push(payload);
    });
    // The desk answers before any catch-up work has been done.
    expect(escalatedCount()).toBe(0);
    const session = ok(back, undefined, 'auth.signIn', { staffId: team.clerk.staff.id, pin: team.clerk.pin }).session;
    expect(ok(back, session, 'case.list', { limit: 50 }).total).toBe(cases);

    await expect.poll(() => progress.at(-1)?.finished, { timeout: 30_000 }).toBe(true);
    const rows = back.db.prepare("SELECT entity_id, count(*) AS n FROM events WHERE type = 'escalated' GROUP BY 1").all() as Array<{ n: number }>;
    expect(rows).toHaveLength(cases - 1);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(back.db.prepare("SELECT 1 FROM events WHERE type = 'escalated' AND entity_id = ?").get(stuck)).toBeUndefined();
    // Every escalated case carries it in the queue, and the totals still count every case once.
    expect((back.db.prepare('SELECT count(*) AS n FROM complaints WHERE severity IS NOT NULL').get() as { n: number }).n).toBe(cases - 1);
    expect((back.db.prepare("SELECT n FROM case_counts WHERE key = 'all'").get() as { n: number }).n).toBe(cases);
    const raised = (back.db.prepare('SELECT count(*) AS n FROM alarms_raised').get() as { n: number }).n;
    expect(raised).toBe(cases);
    // Batches of 100: five of escalations, five of alarms, each reported with the running totals once
    // the work is more than a handful (the first batch of 100 still is one).
    expect(progress.length).toBeGreaterThanOrEqual(8);
    expect(progress.map((p) => p.escalated)).toEqual([...progress.map((p) => p.escalated)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ escalated: cases - 1, alarms: cases, finished: true });
    // A backlog is one summary, not 450 notices.
    expect(alarms).toHaveLength(0);

    // Nothing is left to do: another pass writes nothing and rings nothing.
    progress.length = 0;
    back.db.exec('DROP TRIGGER refuse_one');
    expect(back.core.tick(100)).toEqual({ more: false });
    expect(escalatedCount()).toBe(cases);
    expect(progress).toEqual([]);
    expect(alarms).toEqual([]);

    // One more case falls due. A quiet pass in small batches reads past the 450 alarms already raised
    // over several calls, and the one new alarm still rings on its own, not as a backlog summary.
    const late = received(cases);
    recordEvents(back.db, [late]);
    clock.set('2026-02-26T01:00:00Z');
    let calls = 0;
    while (back.core.tick(10).more) calls += 1;
    expect(calls).toBeGreaterThan(1);
    expect(progress).toEqual([]);
    expect(alarms).toEqual([expect.objectContaining({ caseId: late.entityId, threshold: 'overdue' })]);
    expect((back.db.prepare('SELECT count(*) AS n FROM alarms_raised').get() as { n: number }).n).toBe(cases + 1);
    back.close();
  });
});
