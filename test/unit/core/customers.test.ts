import { describe, expect, it } from 'vitest';
import { complaint, ok, openTeamDesk } from '../../fixtures/desk.js';
import type { Clock } from '../../../electron/core/clock.js';

const DAY = 86_400_000;
function steppingClock(startIso: string): Clock & { advance(ms: number): void } {
  let now = Date.parse(startIso);
  return { now: () => now, advance: (ms) => void (now += ms) };
}

describe('customers and repeat complaints', () => {
  it('knows a returning customer by phone, whatever the formatting, and shows their history', () => {
    const { desk, team } = openTeamDesk();
    const s = team.clerk.session;
    const first = ok(desk, s, 'case.create', complaint('王女士', '热水器漏水', '138 0013 8000'));
    const check = ok(desk, s, 'intake.check', { phone: '+13800138000', name: '', description: '' });
    expect(check.customer?.id).toBe(first.customerId);
    expect(check.history.map((c) => c.caseNumber)).toEqual([first.caseNumber]);
    const second = ok(desk, s, 'case.create', complaint('王女士', '账单多扣费', '13800138000'));
    expect(second.customerId).toBe(first.customerId);
    expect(desk.db.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 1 });
    expect(ok(desk, s, 'customer.get', { id: first.customerId! }).cases.map((c) => c.caseNumber)).toEqual([second.caseNumber, first.caseNumber]);
  });

  it('flags a similar complaint of the same customer within the window, with a link to the earlier case', () => {
    const clock = steppingClock('2026-11-01T02:00:00Z');
    const { desk, team } = openTeamDesk(clock);
    const first = ok(desk, team.clerk.session, 'case.create', complaint('王女士', '上周买的热水器漏水，师傅一直没上门'));
    clock.advance(3 * DAY);
    const session = ok(desk, undefined, 'auth.signIn', { staffId: team.clerk.staff.id, pin: team.clerk.pin }).session;
    const live = ok(desk, session, 'intake.check', { phone: '13800138000', name: '王女士', description: '热水器又漏水了，说好的师傅还是没上门' });
    expect(live.repeats.map((r) => r.id)).toEqual([first.id]);
    const repeat = ok(desk, session, 'case.create', complaint('王女士', '热水器又漏水了，说好的师傅还是没上门'));
    expect(repeat.repeat).toBe(true);
    expect(repeat.repeatOf).toEqual([{ id: first.id, caseNumber: first.caseNumber, receivedAt: first.receivedAt }]);
    const unrelated = ok(desk, session, 'case.create', complaint('王女士', '营业厅排队两个小时，工作人员态度冷淡'));
    expect(unrelated.repeat).toBe(false);
    const stranger = ok(desk, session, 'case.create', complaint('李先生', '热水器又漏水了，师傅还是没上门', '13900139000'));
    expect(stranger.repeat).toBe(false);
    expect(ok(desk, session, 'case.list', { repeat: true }).items.map((c) => c.id)).toEqual([repeat.id]);

    clock.advance(40 * DAY); // past the 30-day window
    const later = ok(desk, undefined, 'auth.signIn', { staffId: team.clerk.staff.id, pin: team.clerk.pin }).session;
    expect(ok(desk, later, 'case.create', complaint('王女士', '热水器又漏水了，师傅还是没上门')).repeat).toBe(false);
  });

  it('keeps profile changes as events and shows them on the customer', () => {
    const { desk, team } = openTeamDesk();
    const created = ok(desk, team.clerk.session, 'case.create', complaint());
    const updated = ok(desk, team.clerk.session, 'customer.update', {
      id: created.customerId!,
      changes: { tier: 'vip', notes: '老客户，偏好电话联系', phones: ['13800138000', '010-6512 3456'] },
    });
    expect(updated).toMatchObject({ tier: 'vip', notes: '老客户，偏好电话联系' });
    expect(ok(desk, team.clerk.session, 'intake.check', { phone: '01065123456', name: '', description: '' }).customer?.id).toBe(created.customerId);
  });
});
