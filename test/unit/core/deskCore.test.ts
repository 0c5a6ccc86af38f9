import { openDesk } from '../../../electron/core/openDesk.js';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../electron/core/clock.js';
import { complaint, ok, openTeamDesk, openTestDesk } from '../../fixtures/desk.js';
import { tempDir } from '../../fixtures/tempDir.js';

function manualClock(iso: string): Clock & { set(iso: string): void } {
  let now = Date.parse(iso);
  return { now: () => now++, set: (next) => void (now = Date.parse(next)) };
}

describe('desk core', () => {
  it('numbers cases per branch-local day and restarts the sequence the next day', () => {
    const clock = manualClock('2026-11-22T01:00:00Z');
    const { desk, team } = openTeamDesk(clock);
    const s = team.clerk.session;
    expect(ok(desk, s, 'case.create', complaint('甲')).caseNumber).toBe('BJ01-A-20261122-0001');
    expect(ok(desk, s, 'case.create', complaint('乙')).caseNumber).toBe('BJ01-A-20261122-0002');
    clock.set('2026-11-22T16:30:00Z'); // 00:30 on the 23rd in Beijing
    // Fifteen idle hours end a session: the next shift signs in again.
    expect(desk.dispatch('case.list', {}, s)).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    const again = ok(desk, undefined, 'auth.signIn', { staffId: team.clerk.staff.id, pin: team.clerk.pin }).session;
    expect(ok(desk, again, 'case.create', complaint('丙')).caseNumber).toBe('BJ01-A-20261123-0001');
    const manager = ok(desk, undefined, 'auth.signIn', { staffId: team.manager.staff.id, pin: team.manager.pin }).session;
    ok(desk, manager, 'settings.set', { branchCode: 'SH02', deviceCode: 'B7' });
    expect(ok(desk, again, 'case.create', complaint('丁')).caseNumber).toBe('SH02-B7-20261123-0001');
  });

  it('makes one case per form however often it is submitted, and clears the draft that became it', () => {
    const { desk, team } = openTeamDesk(manualClock('2026-11-22T01:00:00Z'));
    const s = team.clerk.session;
    const requestId = '01900000-0000-7000-8000-000000000001';
    ok(desk, s, 'draft.save', { key: 'intake', data: { requestId, customerName: '王女士', customerPhone: '13800138000', channel: 'phone', description: '热水器漏水', expectation: '' } });
    const first = ok(desk, s, 'case.create', { ...complaint(), requestId });
    const again = ok(desk, s, 'case.create', { ...complaint(), requestId });
    expect(again.id).toBe(first.id);
    expect(again.caseNumber).toBe('BJ01-A-20261122-0001');
    expect(ok(desk, s, 'case.list', {}).total).toBe(1);
    expect(ok(desk, s, 'draft.load', { key: 'intake' })).toBeNull();
    // A new form is a new request: the next customer gets the next number.
    expect(ok(desk, s, 'case.create', { ...complaint('李先生'), requestId: '01900000-0000-7000-8000-000000000002' }).caseNumber).toBe('BJ01-A-20261122-0002');
  });

  it('starts a case classified when the clerk confirms the classification at intake', () => {
    const { desk, team } = openTeamDesk(manualClock('2026-11-22T01:00:00Z'));
    const classification = { severity: 1 as const, major: true, nature: 'valid' as const, communicationKind: null, content: 'product' as const, cause: 'product_quality' as const, motive: 'publicity' as const };
    const created = ok(desk, team.clerk.session, 'case.create', { ...complaint(), classification });
    expect(created).toMatchObject({ status: 'classified', severity: 1, major: true, classification });
    const { timeline } = ok(desk, team.clerk.session, 'case.get', { id: created.id });
    expect(timeline.map((e) => [e.type, e.actorName])).toEqual([
      ['received', '张敏'],
      ['classified', '张敏'],
    ]);
  });

  it('lists newest first in pages that neither skip nor repeat a case', () => {
    const { desk, team } = openTeamDesk(manualClock('2026-11-22T01:00:00Z'));
    const s = team.clerk.session;
    const created = Array.from({ length: 23 }, (_, i) => ok(desk, s, 'case.create', complaint(`客户${i}`, `投诉${i}`, `1380000${String(i).padStart(4, '0')}`)).id);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = ok(desk, s, 'case.list', { limit: 5, ...(after ? { after } : {}) });
      expect(page.total).toBe(23);
      seen.push(...page.items.map((c) => c.id));
      after = page.next ?? undefined;
    } while (after);
    expect(seen).toEqual([...created].reverse());
  });

  it('keeps what was typed, trimmed, with who received it and which device, on the timeline', () => {
    const { desk, team } = openTeamDesk(manualClock('2026-11-22T01:00:00Z'));
    const { id } = ok(desk, team.clerk.session, 'case.create', { ...complaint(), description: '  排队两个小时没人理  ' });
    const { case: detail, timeline } = ok(desk, team.clerk.session, 'case.get', { id });
    expect(detail).toMatchObject({ description: '排队两个小时没人理', receivedByName: '张敏', ownerName: '张敏', branch: 'BJ01' });
    expect(timeline.map((e) => [e.type, e.actorName, e.actorRole, e.device])).toEqual([['received', '张敏', 'clerk', desk.core.deviceId]]);
    expect(timeline[0]!.at).toBe(detail.receivedAt);
    expect(detail.receivedAt).toMatch(/^2026-11-22T01:00:00\.\d{3}Z$/);
  });

  it('keeps cases, drafts, settings, staff and the device identity across a restart, but not sessions', () => {
    const { desk: first, team, dataDir } = openTeamDesk(manualClock('2026-11-22T01:00:00Z'));
    const { id } = ok(first, team.clerk.session, 'case.create', complaint());
    ok(first, team.clerk.session, 'draft.save', { key: 'intake', data: { customerName: '李', customerPhone: '', channel: null, description: '半句', expectation: '' } });
    ok(first, undefined, 'settings.setLocale', { locale: 'zh-TW' });
    const before = ok(first, team.clerk.session, 'case.get', { id });
    const device = first.core.deviceId;
    first.close();

    const second = openTestDesk(dataDir, manualClock('2026-11-22T00:00:00Z'));
    expect(second.dispatch('case.get', { id }, team.clerk.session)).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    const session = ok(second, undefined, 'auth.signIn', { staffId: team.clerk.staff.id, pin: team.clerk.pin }).session;
    expect(ok(second, session, 'case.get', { id })).toEqual(before);
    expect(ok(second, session, 'draft.load', { key: 'intake' })?.data.description).toBe('半句');
    expect(ok(second, undefined, 'settings.get', {}).locale).toBe('zh-TW');
    expect(second.core.deviceId).toBe(device);
    // The clock never runs backwards across a restart, even if the wall clock did.
    const later = ok(second, session, 'case.create', complaint('后来的', '别的事情', '13900000000'));
    expect(ok(second, session, 'case.get', { id: later.id }).timeline[0]!.hlc > before.timeline[0]!.hlc).toBe(true);
    ok(second, session, 'draft.clear', { key: 'intake' });
    expect(ok(second, session, 'draft.load', { key: 'intake' })).toBeNull();
  });

  it('lets only a manager change desk-wide settings, and refuses settings that would break case numbers', () => {
    const { desk, team } = openTeamDesk();
    expect(desk.dispatch('settings.set', { deviceCode: 'Z' }, team.clerk.session)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ok(desk, team.clerk.session, 'settings.set', { locale: 'en' }).locale).toBe('en');
    for (const bad of [{ branchCode: 'bj-01' }, { deviceCode: '' }, { timeZone: 'Mars/Olympus' }, { locale: 'fr' }]) {
      expect(desk.dispatch('settings.set', bad, team.manager.session).ok).toBe(false);
    }
    expect(ok(desk, undefined, 'settings.get', {})).toMatchObject({ branchCode: 'BJ01', deviceCode: 'A', timeZone: 'Asia/Shanghai', locale: 'en' });
  });

  it('keeps one time zone for the branch: changing it moves the opening hours with it', () => {
    const { desk, team } = openTeamDesk();
    ok(desk, team.manager.session, 'settings.set', { timeZone: 'Asia/Taipei' });
    expect(ok(desk, team.manager.session, 'sla.get', {}).hours).toMatchObject({ timeZone: 'Asia/Taipei', opensAt: 540, closesAt: 1050 });
  });

  it('pushes a change notice when a case is created or acted on', () => {
    const { desk, team } = openTeamDesk();
    const seen: unknown[] = [];
    desk.core.subscribe((event, payload) => seen.push([event, payload]));
    const { id } = ok(desk, team.clerk.session, 'case.create', complaint());
    ok(desk, team.clerk.session, 'case.act', { id, action: { type: 'note_added', payload: { text: '备注' } } });
    expect(seen).toEqual([
      ['case.changed', { id }],
      ['case.changed', { id }],
    ]);
  });
});

describe('staff and sign-in', () => {
  it('sets up the first manager once, then only through sign-in', () => {
    const desk = openTestDesk(tempDir());
    expect(ok(desk, undefined, 'staff.roster', {})).toEqual({ bootstrapNeeded: true, staff: [] });
    const boot = ok(desk, undefined, 'staff.bootstrap', { name: '陈经理', pin: '123456', branchCode: 'BJ01', deviceCode: 'A' });
    expect(boot.staff.role).toBe('manager');
    expect(desk.dispatch('staff.bootstrap', { name: '冒充者', pin: '654321', branchCode: 'BJ01', deviceCode: 'B' })).toMatchObject({ ok: false, error: { code: 'already_set_up' } });
    expect(ok(desk, undefined, 'staff.roster', {}).staff.map((s) => s.name)).toEqual(['陈经理']);
  });

  it('keeps PINs only as a slow hash, and locks a person out after repeated wrong PINs', () => {
    // The desk's own cost, as the app opens it (the other tests use a cheaper one): privileged roles pay more.
    const real = openDesk(tempDir());
    const boot = ok(real, undefined, 'staff.bootstrap', { name: '陈经理', pin: '900001', branchCode: 'BJ01', deviceCode: 'A' });
    const clerk = ok(real, boot.session, 'staff.enrol', { name: '张敏', role: 'clerk', pin: '1001' });
    const cost = (id: string) => (JSON.parse((real.db.prepare('SELECT credential FROM staff WHERE id = ?').get(id) as { credential: string }).credential) as { n: number }).n;
    expect(cost(boot.staff.id)).toBe(2 ** 17);
    expect(cost(clerk.id)).toBe(2 ** 15);
    // A supervisor's PIN is at least six digits: a four-digit one costs minutes to find from a copy.
    expect(real.dispatch('staff.enrol', { name: '李强', role: 'supervisor', pin: '2001' }, boot.session)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    real.close();

    const { desk, team } = openTeamDesk();
    expect(JSON.stringify(desk.db.prepare('SELECT payload FROM events').all())).not.toContain(team.clerk.pin);
    for (let i = 0; i < 5; i++) {
      expect(desk.dispatch('auth.signIn', { staffId: team.clerk.staff.id, pin: '000000' })).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
    }
    expect(desk.dispatch('auth.signIn', { staffId: team.clerk.staff.id, pin: team.clerk.pin })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(ok(desk, undefined, 'auth.signIn', { staffId: team.clerk2.staff.id, pin: team.clerk2.pin }).staff.name).toBe('王芳');
  });

  it('refuses a second active colleague of the same name, who would look identical at sign-in', () => {
    const { desk, team } = openTeamDesk();
    expect(desk.dispatch('staff.enrol', { name: ' 张敏 ', role: 'technician', pin: '400001' }, team.manager.session)).toMatchObject({
      ok: false,
      error: { code: 'refused', reason: 'duplicate_name' },
    });
    expect(ok(desk, team.manager.session, 'staff.enrol', { name: '张敏（二组）', role: 'technician', pin: '400001' }).name).toBe('张敏（二组）');
  });

  it('ends a session at sign-out and when a manager deactivates the person', () => {
    const { desk, team } = openTeamDesk();
    ok(desk, team.clerk.session, 'auth.signOut', {});
    expect(desk.dispatch('case.list', {}, team.clerk.session)).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    expect(desk.dispatch('staff.deactivate', { id: team.clerk2.staff.id }, team.supervisor.session)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ok(desk, team.manager.session, 'staff.deactivate', { id: team.clerk2.staff.id });
    expect(desk.dispatch('case.list', {}, team.clerk2.session)).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    expect(desk.dispatch('auth.signIn', { staffId: team.clerk2.staff.id, pin: team.clerk2.pin })).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
    expect(ok(desk, undefined, 'staff.roster', {}).staff.map((s) => s.name)).not.toContain('王芳');
  });
});
