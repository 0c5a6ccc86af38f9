import { describe, expect, it } from 'vitest';
import { rebuildProjections } from '../../../db/projections.js';
import { complaint, ok, openTeamDesk } from '../../fixtures/desk.js';
import { recordEvents } from '../../../db/eventStore.js';
import { caseNumberPrefix, formatCaseNumber } from '../../../shared/caseNumber.js';
import { EXPORT_COLUMNS } from '../../../shared/contract.js';
import { formatHlc } from '../../../shared/hlc.js';
import { newId } from '../../../shared/ids.js';

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

  it('at HQ scale ranks a common word among the newest matches, still finds a rare word in an old case, filters by branch, and exports every match', async () => {
    const clock = { now: () => Date.parse('2026-11-23T02:00:00Z') };
    const { desk, team } = openTeamDesk(clock);
    const start = Date.parse('2026-01-05T01:00:00Z');
    const events = Array.from({ length: 2_500 }, (_, i) => {
      const at = start + i * 3_600_000;
      const branch = i % 2 ? 'SH02' : 'BJ01';
      return {
        id: newId(),
        entity: 'complaint' as const,
        entityId: newId(),
        type: 'received',
        payload: {
          customer: { name: `客户${i}`, phone: `139${String(i).padStart(8, '0')}` },
          channel: 'phone',
          description: i === 0 ? '燃气灶打不着火，要求退款' : `第${i}位客户要求退款`,
          expectation: '',
          caseNumber: formatCaseNumber(caseNumberPrefix(branch, 'A', '20260105'), i + 1),
          branch,
          receivedAt: new Date(at).toISOString(),
        },
        actor: team.manager.staff.id,
        actorRole: 'manager' as const,
        device: desk.core.deviceId,
        hlc: formatHlc({ wallMs: at, counter: 0, node: desk.core.deviceId }),
        schema: 1,
      };
    });
    recordEvents(desk.db, events);
    const s = team.manager.session;
    const numbers = (text: string, extra: object = {}) => ok(desk, s, 'case.search', { text, ...extra }).items.map((c) => c.caseNumber);
    const seq = (caseNumber: string) => Number(caseNumber.slice(-4));

    const common = numbers('退款');
    expect(common).toHaveLength(20);
    // The 1,000 most recently written of 2,500 matches are ranked; the older ones wait for a narrower search.
    expect(Math.min(...common.map(seq))).toBeGreaterThan(1_500);
    expect(numbers('燃气灶')).toEqual([events[0]!.payload.caseNumber]);
    expect(numbers('燃气灶 退款')).toEqual([events[0]!.payload.caseNumber]);
    const shanghai = numbers('退款', { branch: 'SH02', limit: 100 });
    expect(shanghai).toHaveLength(100);
    expect(shanghai.every((n) => n.startsWith('SH02-'))).toBe(true);
    expect(ok(desk, s, 'case.branches', {}).branches).toEqual(['BJ01', 'SH02']);

    const exported = await desk.dispatchAsync('case.searchExport', { text: '退款', branch: 'BJ01', format: 'csv', columns: EXPORT_COLUMNS.map((c) => c), words: {}, sheet: 'x' }, s);
    expect(exported).toMatchObject({ ok: true, value: { rows: 1_250 } });
  });
});
