import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, type CaseActionRequest } from '../../../shared/contract.js';
import { complaint, ok, openTeamDesk } from '../../fixtures/desk.js';
import { rebuildProjections } from '../../../db/projections.js';

const clockAt = (iso: string) => {
  let now = Date.parse(iso);
  return { now: () => now, set: (next: string) => void (now = Date.parse(next)) };
};

describe('reports', () => {
  it('counts a case in the month it was received, repeats, handling time, satisfaction and the owner after a transfer', async () => {
    const clock = clockAt('2026-11-30T10:00:00Z'); // 18:00 on 30 November in Beijing
    const { desk, team } = openTeamDesk(clock);
    const sign = (p: typeof team.clerk) => ok(desk, undefined, 'auth.signIn', { staffId: p.staff.id, pin: p.pin }).session;
    const act = (p: typeof team.clerk, id: string, action: CaseActionRequest) => ok(desk, sign(p), 'case.act', { id, action });
    const classification = { severity: 2 as const, major: false, nature: 'valid' as const, communicationKind: null, content: 'product' as const, cause: 'product_quality' as const, motive: 'emotional' as const };
    // Received 30 November, closed in December: November's case.
    const late = ok(desk, sign(team.clerk), 'case.create', { ...complaint('甲', '热水器漏水', '13800000001'), classification });
    for (const action of [
      { type: 'customer_contacted', payload: { summary: '已回电' } },
      { type: 'investigated', payload: { findings: '属实' } },
      { type: 'proposal_made', payload: { remedy: '更换' } },
    ] as CaseActionRequest[]) act(team.clerk, late.id, action);
    act(team.supervisor, late.id, { type: 'approved', payload: {} });
    clock.set('2026-12-01T02:00:00Z');
    act(team.clerk, late.id, { type: 'executed', payload: { summary: '已更换' } });
    act(team.clerk, late.id, { type: 'feedback_given', payload: { summary: '已告知' } });
    act(team.clerk, late.id, { type: 'followed_up', payload: { satisfaction: 5, solved: 'yes' } });
    act(team.clerk, late.id, { type: 'closed', payload: { customerAccepted: true } });
    // 1 December in Beijing (30 November 16:30 UTC): December's, and a repeat of the first customer's complaint.
    clock.set('2026-11-30T16:30:00Z');
    const december = ok(desk, sign(team.clerk), 'case.create', complaint('甲', '热水器漏水', '13800000001'));
    expect(december.repeatOf).toHaveLength(1);
    // A November case handed over to a colleague counts under the colleague.
    clock.set('2026-11-20T02:00:00Z');
    const moved = ok(desk, sign(team.clerk), 'case.create', complaint('乙', '宽带断线', '13800000002'));
    act(team.clerk, moved.id, { type: 'handed_over', payload: { toId: team.clerk2.staff.id, reason: '交接' } });
    clock.set('2026-12-02T02:00:00Z');

    const nov = ok(desk, sign(team.supervisor), 'reports.get', { month: '2026-11' });
    expect(nov).toMatchObject({ total: 2, major: 0, closed: 1, open: 1, repeats: 0 });
    expect(nov.byContent).toEqual([
      { key: 'none', count: 1 },
      { key: 'product', count: 1 },
    ]);
    expect(nov.satisfaction).toEqual([{ key: '5', count: 1 }]);
    // 30 Nov 18:00 → 1 Dec 10:00 Beijing: 16 hours from receipt to close.
    expect(nov.handlingHours.average).toBeCloseTo(16, 1);
    expect(nov.handlingHours.p90).toBeCloseTo(16, 1);
    expect(nov.byOwner.find((o) => o.ownerId === team.clerk2.staff.id)).toMatchObject({ owned: 1, closed: 0 });
    expect(nov.byDay.map((d) => d.key)).toEqual(['2026-11-20', '2026-11-30']);
    const dec = ok(desk, sign(team.supervisor), 'reports.get', { month: '2026-12' });
    expect(dec).toMatchObject({ total: 1, repeats: 1 });
    // Clerks do not see reports.
    expect(desk.dispatch('reports.get', { month: '2026-11' }, sign(team.clerk))).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // The figure's cases, and the month as a workbook with its dates as date cells.
    expect(ok(desk, sign(team.supervisor), 'reports.cases', { month: '2026-11', dimension: 'content', value: 'product' }).items.map((c) => c.id)).toEqual([late.id]);
    const exported = await desk.dispatchAsync(
      'reports.export',
      { month: '2026-11', columns: EXPORT_COLUMNS.map((c) => `列${c}`), words: { phone: '电话' }, sheet: '投诉案件' },
      sign(team.supervisor),
    );
    if (!exported.ok) throw new Error(exported.error.code);
    const { base64, rows } = exported.value as { base64: string; rows: number };
    expect(rows).toBe(2);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('投诉案件')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(1).value).toBe('列caseNumber');
    const received = sheet.getRow(2).getCell(2).value as Date;
    expect(received).toBeInstanceOf(Date);
    expect(sheet.getRow(2).getCell(5).value).toBe('电话');
    const exportsOnRecord = desk.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'export_made'").get() as { n: number };
    expect(exportsOnRecord.n).toBe(1);
  });

  it('saves the monthly analysis as versions a manager writes, kept through a rebuild', () => {
    const clock = clockAt('2026-11-10T02:00:00Z');
    const { desk, team } = openTeamDesk(clock);
    ok(desk, team.clerk.session, 'case.create', { ...complaint(), classification: { severity: 1, major: true, nature: 'valid', communicationKind: null, content: 'incident', cause: 'service_level', motive: 'publicity' } });
    const draft = ok(desk, team.supervisor.session, 'reports.monthly', { month: '2026-11' });
    expect(draft.saved).toBeNull();
    expect(draft.draft).toMatchObject({ month: '2026-11', branch: null, previousTotal: 0, figures: { total: 1, major: 1 } });
    expect(draft.draft.majors).toEqual([expect.objectContaining({ status: 'classified' })]);
    expect(desk.dispatch('reports.monthlySave', { month: '2026-11', actions: '主管不能保存' }, team.supervisor.session)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ok(desk, team.manager.session, 'reports.monthlySave', { month: '2026-11', actions: '第一版' }).version).toBe(1);
    expect(ok(desk, team.manager.session, 'reports.monthlySave', { month: '2026-11', actions: '第二版：加强回访' }).version).toBe(2);
    rebuildProjections(desk.db);
    expect(ok(desk, team.supervisor.session, 'reports.monthly', { month: '2026-11' }).saved).toMatchObject({ version: 2, actions: '第二版：加强回访', savedByName: '陈经理' });
  });
});
