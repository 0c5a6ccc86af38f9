import { describe, expect, it } from 'vitest';
import { mergeSearchSegments, rebuildProjections } from '../../../db/projections.js';
import { complaint, ok, openTeamDesk } from '../../fixtures/desk.js';
import { recordEvents } from '../../../db/eventStore.js';
import { caseNumberPrefix, formatCaseNumber } from '../../../shared/caseNumber.js';
import { EXPORT_COLUMNS } from '../../../shared/contract.js';
import { formatHlc } from '../../../shared/hlc.js';
import { newId } from '../../../shared/ids.js';
import type { Db } from '../../../db/open.js';

/** The index's shadow table lists each segment's pages: its distinct ids are the segments a search visits. */
const segmentsOf = (db: Db) => (db.prepare('SELECT count(DISTINCT segid) AS n FROM case_fts_idx').get() as { n: number }).n;

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

  it('merges the index segments a step at a time while the desk is idle, changing no answer, and leaves a tidy index alone', () => {
    const clock = { now: () => Date.parse('2026-11-23T02:00:00Z') };
    const { desk, team } = openTeamDesk(clock);
    const s = team.clerk.session;
    // Each case its own transaction, as at the counter: each adds a segment to the index.
    for (let i = 0; i < 120; i++) ok(desk, s, 'case.create', complaint(`客户${i}`, i % 3 ? '热水器漏水，要求退款' : '宽带断线', `1380000${String(i).padStart(4, '0')}`));
    const find = (text: string) => ok(desk, s, 'case.search', { text, limit: 100 }).items.map((c) => c.caseNumber).sort();
    const answers = ['退款', '热水器', '宽带', '0042', '客户7'].map(find);
    expect(answers[0]).toHaveLength(80);

    expect(segmentsOf(desk.db)).toBeGreaterThan(10);
    let steps = 0;
    while (mergeSearchSegments(desk.db, 20)) steps++;
    expect(steps).toBeGreaterThan(0);
    expect(segmentsOf(desk.db)).toBe(1);
    expect(mergeSearchSegments(desk.db, 20)).toBe(false);
    expect(['退款', '热水器', '宽带', '0042', '客户7'].map(find)).toEqual(answers);
    const later = ok(desk, s, 'case.create', complaint('新客户', '空调不制冷', '13900009999'));
    expect(find('制冷')).toEqual([later.caseNumber]);
    desk.close();
  });

  it('leaves merging the index to the idle steps: a write adds its segment and merges only a level that is full', () => {
    const clock = { now: () => Date.parse('2026-11-23T02:00:00Z') };
    const { desk, team } = openTeamDesk(clock);
    const s = team.clerk.session;
    // FTS5's own merging, four segments at a time, folded seven into one at the 128th write here.
    const mergedEarly: string[] = [];
    let merges = 0;
    let before = 0;
    for (let i = 0; i < 140; i++) {
      ok(desk, s, 'case.create', complaint(`客户${i}`, '热水器漏水，要求退款', `1380000${String(i).padStart(4, '0')}`));
      const after = segmentsOf(desk.db);
      if (after !== before + 1) {
        merges++;
        // Sixteen on a level are merged in the write that adds the sixteenth: a desk that is never idle cannot pile them up.
        if (before < 15) mergedEarly.push(`write ${i + 1}: ${before} → ${after}`);
      }
      before = after;
    }
    expect(mergedEarly).toEqual([]);
    expect(merges).toBeGreaterThan(0);
    expect(ok(desk, s, 'case.search', { text: '退款', limit: 100 }).items).toHaveLength(100);
    desk.close();
  });

  it('keeps each case\'s search entry through actions that change no searchable word, and renews it when one does', () => {
    const clock = { now: () => Date.parse('2026-11-23T02:00:00Z') };
    const { desk, team } = openTeamDesk(clock);
    const s = team.clerk.session;
    const find = (text: string) => ok(desk, s, 'case.search', { text }).items.map((c) => c.id);
    const entries = () => (desk.db.prepare('SELECT count(*) AS n FROM case_fts').get() as { n: number }).n;
    const a = ok(desk, s, 'case.create', complaint('王女士', '洗衣机漏水，地板泡坏了', '13800138000'));
    const b = ok(desk, s, 'case.create', complaint('李先生', '宽带断线三天', '13900139000'));
    const rowid = () => (desk.db.prepare('SELECT rowid FROM complaints WHERE id = ?').get(a.id) as { rowid: number }).rowid;
    const before = rowid();
    // No searchable word changes: classified, handed over. The entry stays as it was.
    ok(desk, s, 'case.act', { id: a.id, action: { type: 'classified', payload: { severity: 2, major: false, nature: 'valid', communicationKind: null, content: 'product', cause: 'product_quality', motive: 'unknown' } } });
    ok(desk, s, 'case.act', { id: a.id, action: { type: 'handed_over', payload: { toId: team.clerk2.staff.id, reason: '换班' } } });
    expect(rowid()).toBe(before);
    expect(find('漏水')).toEqual([a.id]);
    // A note adds words: found by them and still by the old ones, with one entry per case.
    const s2 = team.clerk2.session;
    ok(desk, s2, 'case.act', { id: a.id, action: { type: 'note_added', payload: { text: '已约周六上门更换进水阀' } } });
    expect(ok(desk, s2, 'case.search', { text: '进水阀' }).items.map((c) => c.id)).toEqual([a.id]);
    expect(find('漏水')).toEqual([a.id]);
    expect(find('断线')).toEqual([b.id]);
    expect(entries()).toBe(2);
    desk.close();
  });
});
