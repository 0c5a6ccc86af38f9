import { describe, expect, it } from 'vitest';
import { rebuildProjections } from '../../../db/projections.js';
import { complaint, ok, openTeamDesk } from '../../fixtures/desk.js';

describe('case search', () => {
  it('finds two-character Chinese words, zh-TW and simplified both ways, phone stretches, number tails, notes and English prefixes', () => {
    const clock = { now: () => Date.parse('2026-11-23T02:00:00Z') };
    const { desk, team } = openTeamDesk(clock);
    const s = team.clerk.session;
    const refund = ok(desk, s, 'case.create', complaint('王女士', '洗衣机坏了三次，要求退款，售后一直推诿', '138 0013-8000'));
    const leak = ok(desk, s, 'case.create', complaint('李先生', '熱水器漏水，售後服務太慢', '13900139000'));
    const english = ok(desk, s, 'case.create', { ...complaint('Ms Brown', 'The router keeps dropping; I want a refund', '13700137000') });
    ok(desk, s, 'case.act', { id: leak.id, action: { type: 'note_added', payload: { text: '客户要求周末上门' } } });
    const find = (text: string, extra: object = {}) => ok(desk, s, 'case.search', { text, ...extra }).items.map((c) => c.caseNumber);

    expect(find('退款')).toEqual([refund.caseNumber]);
    expect(find('售后').sort()).toEqual([refund.caseNumber, leak.caseNumber].sort());
    expect(find('售後').sort()).toEqual([refund.caseNumber, leak.caseNumber].sort());
    expect(find('热水器')).toEqual([leak.caseNumber]);
    expect(find('漏')).toEqual([leak.caseNumber]);
    expect(find('8000')).toEqual([refund.caseNumber]);
    expect(find('138 0013 8000')).toEqual([refund.caseNumber]);
    expect(find('0013-8000')).toEqual([refund.caseNumber]);
    expect(find(leak.caseNumber.slice(-4))).toEqual([leak.caseNumber]);
    expect(find(english.caseNumber)).toEqual([english.caseNumber]);
    expect(find('周末上门')).toEqual([leak.caseNumber]);
    expect(find('refu')).toEqual([english.caseNumber]);
    expect(find('王女士 退款')).toEqual([refund.caseNumber]);
    expect(find('退款 漏水')).toEqual([]);
    expect(find('  ')).toEqual([]);
    expect(find('售后', { state: 'closed' })).toEqual([]);

    // The index is a projection: a rebuild gives the same answers.
    rebuildProjections(desk.db);
    expect(find('售後').sort()).toEqual([refund.caseNumber, leak.caseNumber].sort());
    expect(find('周末上门')).toEqual([leak.caseNumber]);
  });
});
