import { describe, expect, it } from 'vitest';
import { openDesk, type OpenDesk } from '../../../electron/core/openDesk.js';
import type { Clock } from '../../../electron/core/clock.js';
import type { Channel, DeskResult, RequestOf, ResponseOf } from '../../../shared/contract.js';
import { tempDir } from '../../fixtures/tempDir.js';

function manualClock(iso: string): Clock & { set(iso: string): void } {
  let now = Date.parse(iso);
  return { now: () => now++, set: (next) => void (now = Date.parse(next)) };
}

function ok<C extends Channel>(desk: OpenDesk, channel: C, request: RequestOf<C>): ResponseOf<C> {
  const result = desk.dispatch(channel, request) as DeskResult<ResponseOf<C>>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${JSON.stringify(result.error.fields)}`);
  return result.value;
}

const complaint = (name: string) => ({
  customer: { name, phone: '+86 138-0013-8000' },
  channel: 'walk_in' as const,
  description: '  排队两个小时没人理  ',
  expectation: '道歉',
});

describe('desk core', () => {
  it('numbers cases per branch-local day and restarts the sequence the next day', () => {
    const clock = manualClock('2026-11-22T01:00:00Z');
    const desk = openDesk(tempDir(), clock);
    expect(ok(desk, 'case.create', complaint('甲')).caseNumber).toBe('BJ01-A-20261122-0001');
    expect(ok(desk, 'case.create', complaint('乙')).caseNumber).toBe('BJ01-A-20261122-0002');
    clock.set('2026-11-22T16:30:00Z'); // 00:30 on the 23rd in Beijing
    expect(ok(desk, 'case.create', complaint('丙')).caseNumber).toBe('BJ01-A-20261123-0001');
    ok(desk, 'settings.set', { branchCode: 'SH02', deviceCode: 'B7' });
    expect(ok(desk, 'case.create', complaint('丁')).caseNumber).toBe('SH02-B7-20261123-0001');
    desk.close();
  });

  it('lists newest first in pages that neither skip nor repeat a case', () => {
    const desk = openDesk(tempDir(), manualClock('2026-11-22T01:00:00Z'));
    const created = Array.from({ length: 23 }, (_, i) => ok(desk, 'case.create', complaint(`客户${i}`)).id);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = ok(desk, 'case.list', { limit: 5, ...(after ? { after } : {}) });
      expect(page.total).toBe(23);
      seen.push(...page.items.map((c) => c.id));
      after = page.next ?? undefined;
    } while (after);
    expect(seen).toEqual([...created].reverse());
  });

  it('keeps what was typed, trimmed, and shows it on the timeline with who and which device', () => {
    const desk = openDesk(tempDir(), manualClock('2026-11-22T01:00:00Z'));
    ok(desk, 'settings.set', { staffName: '张敏' });
    const { id } = ok(desk, 'case.create', complaint('王女士'));
    ok(desk, 'case.addNote', { id, text: '已致电，约明天上门' });
    const { case: detail, timeline } = ok(desk, 'case.get', { id });
    expect(detail).toMatchObject({ description: '排队两个小时没人理', expectation: '道歉', receivedBy: '张敏', branch: 'BJ01', noteCount: 1 });
    expect(timeline.map((e) => [e.type, e.actor, e.device])).toEqual([
      ['received', '张敏', desk.core.deviceId],
      ['note_added', '张敏', desk.core.deviceId],
    ]);
    expect(timeline[0]!.at).toBe('2026-11-22T01:00:00.000Z');
  });

  it('keeps cases, drafts, settings and the device identity across a restart', () => {
    const dir = tempDir();
    const first = openDesk(dir, manualClock('2026-11-22T01:00:00Z'));
    const { id } = ok(first, 'case.create', complaint('王女士'));
    ok(first, 'draft.save', { key: 'intake', data: { customerName: '李', customerPhone: '', channel: null, description: '半句', expectation: '' } });
    ok(first, 'settings.set', { locale: 'zh-TW' });
    const before = ok(first, 'case.get', { id });
    const device = first.core.deviceId;
    first.close();

    const second = openDesk(dir, manualClock('2026-11-22T02:00:00Z'));
    expect(ok(second, 'case.get', { id })).toEqual(before);
    expect(ok(second, 'draft.load', { key: 'intake' })?.data.description).toBe('半句');
    expect(ok(second, 'settings.get', {}).locale).toBe('zh-TW');
    expect(second.core.deviceId).toBe(device);
    // The clock never runs backwards across a restart, even if the wall clock did.
    const later = ok(second, 'case.create', complaint('后来的'));
    expect(ok(second, 'case.get', { id: later.id }).timeline[0]!.hlc > before.timeline[0]!.hlc).toBe(true);
    ok(second, 'draft.clear', { key: 'intake' });
    expect(ok(second, 'draft.load', { key: 'intake' })).toBeNull();
  });

  it('refuses settings that would break case numbers and keeps the old ones', () => {
    const desk = openDesk(tempDir());
    for (const bad of [{ branchCode: 'bj-01' }, { deviceCode: '' }, { timeZone: 'Mars/Olympus' }, { locale: 'fr' }]) {
      const result = desk.dispatch('settings.set', bad);
      expect(result.ok).toBe(false);
    }
    expect(ok(desk, 'settings.get', {})).toMatchObject({ branchCode: 'BJ01', deviceCode: 'A', timeZone: 'Asia/Shanghai', locale: 'zh-CN' });
  });

  it('pushes a change notice when a case is created or noted', () => {
    const desk = openDesk(tempDir());
    const seen: unknown[] = [];
    desk.core.subscribe((event, payload) => seen.push([event, payload]));
    const { id } = ok(desk, 'case.create', complaint('王女士'));
    ok(desk, 'case.addNote', { id, text: '备注' });
    expect(seen).toEqual([
      ['case.changed', { id }],
      ['case.changed', { id }],
    ]);
  });
});
