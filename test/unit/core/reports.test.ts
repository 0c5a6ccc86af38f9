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

  it('holds each step to its deadline: pauses extend it, a reopened case runs a step again, a case counts in the month it was received, a handover does not end a step', () => {
    // Beijing is UTC+8; the branch works 09:00–17:30 on working days. 16 November 2026 is a Monday.
    const clock = clockAt('2026-11-16T01:00:00Z');
    const { desk, team } = openTeamDesk(clock);
    const sign = (p: typeof team.clerk) => ok(desk, undefined, 'auth.signIn', { staffId: p.staff.id, pin: p.pin }).session;
    const at = (iso: string, p: typeof team.clerk, id: string, action: CaseActionRequest) => {
      clock.set(iso);
      ok(desk, sign(p), 'case.act', { id, action });
    };
    const classification = { severity: 3 as const, major: false, nature: 'valid' as const, communicationKind: null, content: 'quality' as const, cause: 'service_level' as const, motive: 'emotional' as const };
    const classified = { type: 'classified', payload: classification } as CaseActionRequest;
    const contacted = { type: 'customer_contacted', payload: { summary: '已回电' } } as CaseActionRequest;

    // Paused for 90 minutes while waiting on the customer: classified 2 h 15 min after intake is inside 1 working hour + the pause.
    const paused = ok(desk, sign(team.clerk), 'case.create', { ...complaint('甲', '客户说要找媒体曝光，也要向监管投诉', '13800000001'), signals: ['media', 'regulator'] });
    at('2026-11-16T01:30:00Z', team.clerk, paused.id, { type: 'clock_paused', payload: { reason: '等客户提供发票' } });
    at('2026-11-16T03:00:00Z', team.clerk, paused.id, { type: 'clock_resumed', payload: { note: '' } });
    at('2026-11-16T03:15:00Z', team.clerk, paused.id, classified);
    at('2026-11-16T03:20:00Z', team.clerk, paused.id, contacted);

    // Classified three hours late and contacted late; then every step on time to the close; reopened on 30 November.
    clock.set('2026-11-16T01:00:00Z');
    const reopened = ok(desk, sign(team.clerk), 'case.create', complaint('乙', '宽带断线三天', '13800000002'));
    at('2026-11-16T04:00:00Z', team.clerk, reopened.id, classified);
    at('2026-11-16T04:10:00Z', team.clerk, reopened.id, contacted);
    at('2026-11-16T04:20:00Z', team.clerk, reopened.id, { type: 'investigated', payload: { findings: '线路故障' } });
    at('2026-11-16T04:25:00Z', team.clerk, reopened.id, { type: 'proposal_made', payload: { remedy: '更换光猫' } });
    at('2026-11-16T04:30:00Z', team.supervisor, reopened.id, { type: 'approved', payload: {} });
    at('2026-11-16T04:40:00Z', team.clerk, reopened.id, { type: 'executed', payload: { summary: '已更换' } });
    at('2026-11-16T04:50:00Z', team.clerk, reopened.id, { type: 'feedback_given', payload: { summary: '已告知' } });
    at('2026-11-16T05:00:00Z', team.clerk, reopened.id, { type: 'followed_up', payload: { satisfaction: 5, solved: 'yes' } });
    at('2026-11-16T05:10:00Z', team.clerk, reopened.id, { type: 'closed', payload: { customerAccepted: true } });
    at('2026-11-30T02:00:00Z', team.supervisor, reopened.id, { type: 'reopened', payload: { reason: '又断线了' } });

    // Received on 30 November, classified late on 1 December, never contacted, handed over while assigning.
    clock.set('2026-11-30T01:00:00Z');
    const crossing = ok(desk, sign(team.clerk), 'case.create', complaint('丙', '账单多扣了钱', '13800000003'));
    at('2026-12-01T02:00:00Z', team.clerk, crossing.id, classified);
    at('2026-12-01T03:00:00Z', team.clerk, crossing.id, { type: 'handed_over', payload: { toId: team.clerk2.staff.id, reason: '调岗' } });
    // December's own case is not November's.
    ok(desk, sign(team.clerk), 'case.create', complaint('丁', '服务态度差', '13800000004'));
    clock.set('2026-12-02T02:00:00Z');

    const steps = (month: string) => ok(desk, sign(team.supervisor), 'reports.get', { month }).steps;
    const row = (step: string, counts: Partial<Record<'onTime' | 'late' | 'openInTime' | 'openOverdue', number>>) => ({ step, onTime: 0, late: 0, openInTime: 0, openOverdue: 0, ...counts });
    const november = [
      row('classify', { onTime: 1, late: 2 }),
      row('contact', { onTime: 1, late: 1, openOverdue: 1 }),
      row('assign', { onTime: 2, openInTime: 1 }),
      // The reopened case investigates again with a fresh deadline; the paused case's five working days ran out on 23 November.
      row('investigate', { onTime: 1, openInTime: 1, openOverdue: 1 }),
      ...['approve', 'execute', 'feed_back', 'follow_up', 'close'].map((step) => row(step, { onTime: 1 })),
    ];
    expect(steps('2026-11')).toEqual(november);
    expect(steps('2026-12')).toEqual([row('classify', { openOverdue: 1 }), row('contact', { openOverdue: 1 })]);

    const cases = (dimension: 'late_step' | 'signal', value: string) => ok(desk, sign(team.supervisor), 'reports.cases', { month: '2026-11', dimension, value }).items.map((c) => c.id).sort();
    expect(cases('late_step', 'classify')).toEqual([reopened.id, crossing.id].sort());
    expect(cases('late_step', 'contact')).toEqual([reopened.id, crossing.id].sort());
    expect(cases('late_step', 'approve')).toEqual([]);
    expect(ok(desk, sign(team.supervisor), 'reports.get', { month: '2026-11' }).signals).toEqual([
      { key: 'media', count: 1 },
      { key: 'regulator', count: 1 },
    ]);
    expect(cases('signal', 'media')).toEqual([paused.id]);

    // The step table is a projection like the others: a rebuild gives the same figures.
    rebuildProjections(desk.db);
    expect(steps('2026-11')).toEqual(november);
  });

  it('follows satisfaction month by month and by category, and exports a search or a figure as CSV that Excel reads as text', async () => {
    const clock = clockAt('2026-10-12T02:00:00Z');
    const { desk, team } = openTeamDesk(clock);
    const sign = (p: typeof team.clerk) => ok(desk, undefined, 'auth.signIn', { staffId: p.staff.id, pin: p.pin }).session;
    const act = (p: typeof team.clerk, id: string, action: CaseActionRequest) => ok(desk, sign(p), 'case.act', { id, action });
    const classification = { severity: 3 as const, major: false, nature: 'valid' as const, communicationKind: null, content: 'product' as const, cause: 'product_quality' as const, motive: 'emotional' as const };
    /** Received now, handled to the follow-up call; the call itself is left to the caller. */
    const handled = (name: string, text: string, phone: string) => {
      const { id } = ok(desk, sign(team.clerk), 'case.create', { ...complaint(name, text, phone), classification });
      for (const action of [
        { type: 'customer_contacted', payload: { summary: '已回电' } },
        { type: 'investigated', payload: { findings: '属实' } },
        { type: 'proposal_made', payload: { remedy: '更换' } },
      ] as CaseActionRequest[]) act(team.clerk, id, action);
      act(team.supervisor, id, { type: 'approved', payload: {} });
      act(team.clerk, id, { type: 'executed', payload: { summary: '已更换' } });
      act(team.clerk, id, { type: 'feedback_given', payload: { summary: '已告知' } });
      return id;
    };
    const october = handled('甲', '热水器漏水', '13800000001');
    act(team.clerk, october, { type: 'followed_up', payload: { satisfaction: 4, solved: 'yes' } });
    act(team.clerk, october, { type: 'closed', payload: { customerAccepted: true } });
    clock.set('2026-11-10T02:00:00Z');
    // A name that a spreadsheet would run as a formula.
    act(team.clerk, handled('=HYPERLINK("http://x","点我")', '热水器又漏水', '13800000002'), { type: 'followed_up', payload: { satisfaction: 2, solved: 'no' } });
    const unreachable = handled('丙', '热水器不加热', '13800000003');
    for (const day of ['2026-11-11', '2026-11-12', '2026-11-13']) {
      clock.set(`${day}T02:00:00Z`);
      act(team.clerk, unreachable, { type: 'follow_up_attempted', payload: { outcome: 'no_answer' } });
    }
    const queue = ok(desk, sign(team.clerk), 'case.create', complaint('丁', '营业厅排队太久', '13800000004'));
    // The same customer again, taken by a colleague.
    clock.set('2026-11-16T02:00:00Z');
    const again = ok(desk, sign(team.clerk2), 'case.create', complaint('丁', '营业厅排队太久', '13800000004'));
    clock.set('2026-11-20T02:00:00Z');

    const november = ok(desk, sign(team.supervisor), 'reports.get', { month: '2026-11' });
    // Six months up to November, by the month each complaint came in; months without complaints are absent.
    expect(november.satisfactionTrend).toEqual([
      { month: '2026-10', rated: 1, average: 4, unreachable: 0 },
      { month: '2026-11', rated: 1, average: 2, unreachable: 1 },
    ]);
    expect(november.satisfactionByContent).toEqual([{ key: 'product', rated: 1, average: 2 }]);
    expect(november.unreachable).toBe(1);
    // The customer who came back, and the cases behind the row.
    expect(november.repeaters).toEqual([{ key: expect.any(String), name: '丁', phone: '13800000004', cases: 2, repeats: 1 }]);
    const ids = (dimension: 'customer' | 'overdue', value: string) => ok(desk, sign(team.supervisor), 'reports.cases', { month: '2026-11', dimension, value }).items.map((c) => c.id).sort();
    expect(ids('customer', november.repeaters[0]!.key)).toEqual([queue.id, again.id].sort());
    expect(ids('overdue', '1')).toHaveLength(november.overdue);
    expect(ids('overdue', '1')).toEqual(expect.arrayContaining([queue.id, again.id]));
    // Who took the cases at the counter, beside who owns them; October's one case closed with every step on time.
    expect(november.byOwner.find((o) => o.ownerId === team.clerk2.staff.id)).toMatchObject({ taken: 1 });
    expect(november.byOwner.find((o) => o.ownerId === team.clerk.staff.id)).toMatchObject({ taken: 3 });
    expect(ok(desk, sign(team.supervisor), 'reports.get', { month: '2026-10' }).byOwner).toEqual([
      { ownerId: team.clerk.staff.id, taken: 1, owned: 1, closed: 1, closedOnTime: 1, averageSatisfaction: 4 },
    ]);
    expect(ok(desk, sign(team.supervisor), 'reports.get', { month: '2026-10' }).satisfactionTrend).toEqual([{ month: '2026-10', rated: 1, average: 4, unreachable: 0 }]);

    const options = { format: 'csv' as const, columns: EXPORT_COLUMNS.map((c) => `列${c}`), words: { phone: '电话', 'content.product': '产品' }, sheet: '投诉案件' };
    const csvOf = async (type: 'case.searchExport' | 'reports.export', request: object) => {
      const result = await desk.dispatchAsync(type, { ...request, ...options }, sign(team.supervisor));
      if (!result.ok) throw new Error(result.error.code);
      const file = result.value as { base64: string; rows: number; fileName: string };
      return { ...file, text: Buffer.from(file.base64, 'base64').toString('utf8') };
    };
    // Every match of the search, not its first page; October's case too.
    const found = await csvOf('case.searchExport', { text: '热水器' });
    expect(found.fileName).toMatch(/\.csv$/);
    expect(found.rows).toBe(3);
    expect(found.text.startsWith('\uFEFF列caseNumber,列receivedAt,')).toBe(true);
    const lines = found.text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(found.text).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(found.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    // Received 10:00 Beijing time on 12 October: the branch's wall clock, not UTC.
    expect(found.text).toContain('2026-10-12 10:00');
    const figure = await csvOf('reports.export', { month: '2026-11', dimension: 'content', value: 'product' });
    expect(figure.rows).toBe(2);
    expect(figure.text.split('\r\n').filter((l) => l.includes(',产品,'))).toHaveLength(2);

    // Clerks do not export in bulk; each export is on record with what was asked.
    await expect(desk.dispatchAsync('case.searchExport', { text: '热水器', ...options }, sign(team.clerk))).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const record = desk.db.prepare("SELECT json_extract(payload, '$.what') AS what, json_extract(payload, '$.rows') AS rows FROM events WHERE type = 'export_made' ORDER BY hlc").all();
    expect(record).toEqual([
      { what: 'search "热水器" csv', rows: 3 },
      { what: '2026-11 * content=product csv', rows: 2 },
    ]);
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
