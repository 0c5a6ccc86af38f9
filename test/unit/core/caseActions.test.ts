import { describe, expect, it } from 'vitest';
import { countEvents } from '../../../db/eventLog.js';
import { complaint, ok, openTeamDesk } from '../../fixtures/desk.js';

describe('acting on a case over the contract', () => {
  it('carries one case through the whole process with a handover, a chaser and an escalation', () => {
    const { desk, team } = openTeamDesk();
    const act = (who: keyof typeof team, id: string, action: Parameters<typeof ok<'case.act'>>[3]['action']) =>
      ok(desk, team[who].session, 'case.act', { id, action });
    const { id } = ok(desk, team.clerk.session, 'case.create', complaint());
    act('clerk', id, { type: 'classified', payload: { severity: 3, major: false, nature: 'valid', content: 'product', cause: 'product_quality', motive: 'emotional' } });
    act('clerk', id, { type: 'customer_contacted', payload: { summary: '已回电，约定明早上门' } });
    act('clerk', id, { type: 'chased', payload: { source: 'customer', note: '客户来电催' } });
    act('clerk', id, { type: 'handed_over', payload: { toId: team.clerk2.staff.id, reason: '张敏休假，王芳接手' } });
    act('supervisor', id, { type: 'escalated', payload: { severity: 2, major: true, reason: '客户称要向媒体曝光' } });
    act('clerk2', id, { type: 'investigated', payload: { findings: '安装密封圈未压紧' } });
    act('clerk2', id, { type: 'proposal_made', payload: { remedy: '免费更换并赔偿清洁费', compensation: '200 元' } });
    // A major case goes to management: the supervisor may not approve it, the manager may.
    expect(desk.dispatch('case.act', { id, action: { type: 'approved', payload: {} } }, team.supervisor.session)).toMatchObject({
      ok: false,
      error: { code: 'refused', reason: 'needs_manager' },
    });
    act('manager', id, { type: 'approved', payload: { comment: '同意' } });
    act('technician', id, { type: 'executed', payload: { summary: '已更换，无渗漏' } });
    act('clerk2', id, { type: 'feedback_given', payload: { summary: '已告知客户' } });
    act('supervisor', id, { type: 'followed_up', payload: { satisfaction: 5, solved: true } });
    const closed = act('clerk2', id, { type: 'closed', payload: { customerAccepted: true } });
    expect(closed.case).toMatchObject({ status: 'closed', major: true, severity: 2, ownerName: '王芳', chaseCount: 1, closing: { customerAccepted: true } });
    expect(closed.timeline.map((e) => `${e.type}:${e.actorName}`)).toEqual([
      'received:张敏',
      'classified:张敏',
      'customer_contacted:张敏',
      'chased:张敏',
      'handed_over:张敏',
      'escalated:李强',
      'investigated:王芳',
      'proposal_made:王芳',
      'approved:陈经理',
      'executed:赵工',
      'feedback_given:王芳',
      'followed_up:李强',
      'closed:王芳',
    ]);
    expect(closed.allowedActions).toEqual(['reopened', 'note_added']);
    expect(ok(desk, team.clerk.session, 'case.get', { id }).allowedActions).toEqual(['note_added']);
  });

  it('refuses wrong roles, wrong states and stale sessions with a clear reason, and writes nothing', () => {
    const { desk, team } = openTeamDesk();
    const { id } = ok(desk, team.clerk.session, 'case.create', complaint());
    const before = countEvents(desk.db);
    const attempt = (session: string, action: unknown) => desk.dispatch('case.act', { id, action }, session);
    expect(attempt(team.clerk2.session, { type: 'customer_contacted', payload: { summary: '不是我的案子' } })).toMatchObject({
      ok: false,
      error: { code: 'refused', reason: 'not_owner' },
    });
    expect(attempt(team.clerk.session, { type: 'approved', payload: {} })).toMatchObject({ ok: false, error: { code: 'refused', reason: 'wrong_state' } });
    expect(attempt(team.clerk.session, { type: 'closed', payload: { customerAccepted: false } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(attempt(team.clerk.session, { type: 'handed_over', payload: { toId: 'nobody', reason: '交接' } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(attempt(team.clerk.session, { type: 'received', payload: {} })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    ok(desk, team.clerk.session, 'auth.signOut', {});
    expect(attempt(team.clerk.session, { type: 'note_added', payload: { text: '旧会话' } })).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    expect(countEvents(desk.db)).toBe(before);
  });

  it('filters the queue by mine, state, severity, major and conflicts, and sorts by urgency', () => {
    // A clock that stands still: the three cases arrive at the same instant, so gravity decides.
    const { desk, team } = openTeamDesk({ now: () => Date.parse('2026-11-23T02:00:00Z') });
    const s = team.clerk.session;
    const calm = ok(desk, s, 'case.create', complaint('甲', '咨询账单', '13800000001'));
    const major = ok(desk, s, 'case.create', complaint('乙', '要找记者曝光', '13800000002'));
    const chased = ok(desk, team.clerk2.session, 'case.create', complaint('丙', '维修迟到', '13800000003'));
    ok(desk, team.supervisor.session, 'case.act', { id: major.id, action: { type: 'escalated', payload: { severity: 1, major: true, reason: '媒体' } } });
    ok(desk, s, 'case.act', { id: chased.id, action: { type: 'chased', payload: { source: 'customer' } } });
    const ids = (filter: object) => ok(desk, s, 'case.list', filter).items.map((c) => c.id);
    expect(ids({ scope: 'mine' }).sort()).toEqual([calm.id, major.id].sort());
    expect(ids({ major: true })).toEqual([major.id]);
    expect(ids({ severity: 1 })).toEqual([major.id]);
    expect(ids({ conflicts: true })).toEqual([]);
    // Equal deadlines: the major case first; then by case id.
    expect(ids({ sort: 'urgency', state: 'open' })[0]).toBe(major.id);
  });

  it('puts major and level-1 cases ahead of nearer deadlines, and says who may take a step that is not yours', () => {
    let now = Date.parse('2026-11-23T02:00:00Z');
    const { desk, team } = openTeamDesk({ now: () => now });
    const s = team.clerk.session;
    const overdue = ok(desk, s, 'case.create', complaint('甲', '维修迟到', '13800000001'));
    now += 50 * 60_000;
    const levelTwo = ok(desk, s, 'case.create', complaint('乙', '态度不好', '13800000002'));
    const levelOne = ok(desk, s, 'case.create', complaint('丙', '要找记者曝光', '13800000003'));
    ok(desk, team.supervisor.session, 'case.act', { id: levelTwo.id, action: { type: 'escalated', payload: { severity: 2, major: false, reason: '客户很生气' } } });
    ok(desk, team.supervisor.session, 'case.act', { id: levelOne.id, action: { type: 'escalated', payload: { severity: 1, major: false, reason: '安全隐患' } } });
    now += 40 * 60_000;
    const order = ok(desk, s, 'case.list', { sort: 'urgency', state: 'open' }).items.map((c) => c.id);
    expect(order).toEqual([levelOne.id, overdue.id, levelTwo.id]);

    // The supervisor is not the owner of a major case's approval: the screen says who is.
    ok(desk, team.supervisor.session, 'case.act', { id: levelOne.id, action: { type: 'escalated', payload: { severity: 1, major: true, reason: '媒体' } } });
    const act = (type: string, payload: object) => ok(desk, s, 'case.act', { id: levelOne.id, action: { type, payload } as never });
    act('classified', { severity: 1, major: true, nature: 'valid', communicationKind: null, content: 'incident', cause: 'service_level', motive: 'publicity' });
    act('customer_contacted', { summary: '已回电' });
    act('investigated', { findings: '属实' });
    act('proposal_made', { remedy: '上门处理' });
    const seen = ok(desk, team.supervisor.session, 'case.get', { id: levelOne.id });
    expect(seen.allowedActions).not.toContain('approved');
    expect(seen.nextStep).toBe('approved');
    expect(seen.blockedStep).toEqual({ action: 'approved', reason: 'needs_manager', who: ['陈经理'] });
    expect(ok(desk, team.manager.session, 'case.get', { id: levelOne.id }).blockedStep).toBeNull();
  });
});
