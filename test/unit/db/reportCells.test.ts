import { describe, expect, it } from 'vitest';
import type { CaseActionRequest } from '../../../shared/contract.js';
import { complaint, ok, openTeamDesk, openTestDesk } from '../../fixtures/desk.js';
import { fakeClock } from '../../fixtures/clock.js';
import { rebuildProjections } from '../../../db/projections.js';
import { alignReportCells, refillReportCells } from '../../../db/reportCells.js';
import { reportFigures } from '../../../db/reports.js';
import type { Db } from '../../../db/open.js';
import { recordEvents } from '../../../db/eventStore.js';
import { rowToEvent, type EventRow } from '../../../db/eventLog.js';
import { newId } from '../../../shared/ids.js';
import { receivedEvent } from '../../fixtures/events.js';
import { VIEWS_BACK_INTO_ROWS } from '../../fixtures/caseRows.js';
import { tempDir } from '../../fixtures/tempDir.js';

const HOUR = 3_600_000;
/** The cells that hold anything, in a fixed order (a case moving on leaves emptied cells behind). */
const cellsOf = (db: Db) => db.prepare('SELECT * FROM report_cells WHERE n <> 0 ORDER BY dim, period, branch, key').all();

describe('report cells', () => {
  it('are kept by the triggers exactly as summing the rows gives them, and a month reads the same from them as from the rows in either calendar', () => {
    const clock = fakeClock('2026-10-20T02:00:00Z');
    const { desk, team, dataDir } = openTeamDesk(clock);
    const sign = (p: typeof team.clerk) => ok(desk, undefined, 'auth.signIn', { staffId: p.staff.id, pin: p.pin }).session;
    const act = (p: typeof team.clerk, id: string, action: CaseActionRequest) => ok(desk, sign(p), 'case.act', { id, action });
    const classification = (content: 'product' | 'quality', major: boolean) =>
      ({ severity: major ? 1 : 3, major, nature: 'valid', communicationKind: null, content, cause: content === 'product' ? 'product_quality' : 'service_level', motive: 'emotional' }) as const;

    // October: a major case, closed with a rating after moving through every step.
    const major = ok(desk, sign(team.clerk), 'case.create', { ...complaint('甲', '燃气灶打不着火，差点出事', '13800000001'), classification: classification('product', true) });
    for (const action of [
      { type: 'customer_contacted', payload: { summary: '已回电' } },
      { type: 'investigated', payload: { findings: '属实' } },
      { type: 'proposal_made', payload: { remedy: '更换' } },
    ] as CaseActionRequest[]) act(team.clerk, major.id, action);
    act(team.manager, major.id, { type: 'approved', payload: {} });
    for (const action of [
      { type: 'executed', payload: { summary: '已更换' } },
      { type: 'feedback_given', payload: { summary: '已告知' } },
      { type: 'followed_up', payload: { satisfaction: 4, solved: 'yes' } },
      { type: 'closed', payload: { customerAccepted: true } },
    ] as CaseActionRequest[]) act(team.clerk, major.id, action);
    // 31 October 20:00 in Beijing is 12:00 UTC: October on the desk's calendar either way; 1 November 03:00 Beijing is 31 October UTC.
    clock.set('2026-10-31T12:00:00Z');
    const walkIn = ok(desk, sign(team.clerk), 'case.create', { ...complaint('乙', '排队两个小时', '13800000002'), channel: 'walk_in' });
    clock.set('2026-10-31T19:00:00Z');
    const crossing = ok(desk, sign(team.clerk), 'case.create', complaint('甲', '燃气灶打不着火，差点出事', '13800000001'));
    act(team.clerk, crossing.id, { type: 'classified', payload: classification('quality', false) });
    act(team.clerk, crossing.id, { type: 'handed_over', payload: { toId: team.clerk2.staff.id, reason: '调岗' } });
    clock.set('2026-11-18T03:00:00Z');
    act(team.clerk, walkIn.id, { type: 'classified', payload: classification('quality', false) });
    clock.set('2026-12-02T02:00:00Z');

    const kept = cellsOf(desk.db);
    expect(kept.length).toBeGreaterThan(10);
    refillReportCells(desk.db);
    expect(cellsOf(desk.db)).toEqual(kept);
    rebuildProjections(desk.db);
    expect(cellsOf(desk.db)).toEqual(kept);

    const now = clock.now();
    const month = (from: string, to: string, offsetHours: number) => ({
      fromMs: Date.parse(`${from}T00:00:00Z`) - offsetHours * HOUR,
      toMs: Date.parse(`${to}T00:00:00Z`) - offsetHours * HOUR,
      utcOffsetMinutes: offsetHours * 60,
    });
    const months = [month('2026-10-01', '2026-11-01', 8), month('2026-11-01', '2026-12-01', 8), month('2026-10-01', '2027-01-01', 8)];
    const utcMonths = [month('2026-10-01', '2026-11-01', 0), month('2026-11-01', '2026-12-01', 0)];
    // The desk's calendar is Beijing's: its months come from the stored cells, UTC months from the rows.
    const fromCells = months.map((scope) => reportFigures(desk.db, scope, now));
    const utcFromRows = utcMonths.map((scope) => reportFigures(desk.db, scope, now));
    // 1 November 03:00 in Beijing is November's there and October's in UTC.
    expect(fromCells[0]).toMatchObject({ total: 2, major: 1, closed: 1, repeats: 0, overdue: 1 });
    expect(fromCells[0]!.byChannel).toEqual([{ key: 'phone', count: 1 }, { key: 'walk_in', count: 1 }]);
    expect(fromCells[0]!.satisfaction).toEqual([{ key: '4', count: 1 }]);
    expect(fromCells[0]!.byDay).toEqual([{ key: '2026-10-20', count: 1 }, { key: '2026-10-31', count: 1 }]);
    expect(fromCells[1]).toMatchObject({ total: 1, repeats: 1, overdue: 1 });
    expect(fromCells[1]!.byOwner.find((o) => o.ownerId === team.clerk2.staff.id)).toMatchObject({ owned: 1, taken: 0 });
    expect(fromCells[2]).toMatchObject({ total: 3, major: 1, closed: 1, repeats: 1, overdue: 2 });
    expect(fromCells[2]!.byContent).toEqual([{ key: 'quality', count: 2 }, { key: 'product', count: 1 }]);
    expect(utcFromRows.map((f) => f.total)).toEqual([3, 0]);
    expect(utcFromRows[0]!.byDay).toEqual([{ key: '2026-10-20', count: 1 }, { key: '2026-10-31', count: 2 }]);

    // Moved to UTC: now the UTC months read the cells and Beijing's the rows, with the same figures.
    alignReportCells(desk.db, 0);
    expect(months.map((scope) => reportFigures(desk.db, scope, now))).toEqual(fromCells);
    expect(utcMonths.map((scope) => reportFigures(desk.db, scope, now))).toEqual(utcFromRows);

    // A desk from before the cells: the upgrade sums what it holds, on Beijing's calendar.
    desk.db.exec(`DROP TRIGGER complaints_into_report_cells; DROP TRIGGER complaints_out_of_report_cells; DROP TABLE report_cells; DROP TABLE report_cells_offset; DROP INDEX complaints_open_for_reports; DROP INDEX customer_phones_of_customer; DROP INDEX attachment_files_to_upload; DROP TABLE attachments_missing; DROP TRIGGER attachment_ref_made; DROP TRIGGER attachment_ref_gone; DROP TRIGGER attachment_file_held; DROP TRIGGER attachment_file_gone; ${VIEWS_BACK_INTO_ROWS} PRAGMA user_version = 15`);
    desk.close();
    const upgraded = openTestDesk(dataDir, clock);
    expect(cellsOf(upgraded.db)).toEqual(kept);
    expect(months.map((scope) => reportFigures(upgraded.db, scope, now))).toEqual(fromCells);
    upgraded.close();
  });

  it('come out the same when a pulled page of many cases keeps them per page instead of per row, and so do the queue totals', () => {
    const clock = fakeClock('2026-11-03T02:00:00Z');
    const { desk: a, team } = openTeamDesk(clock);
    const sign = (p: typeof team.clerk) => ok(a, undefined, 'auth.signIn', { staffId: p.staff.id, pin: p.pin }).session;
    const clerk = sign(team.clerk);
    const ids = Array.from({ length: 40 }, (_, i) => {
      clock.set(new Date(Date.parse('2026-11-03T02:00:00Z') + i * 7 * HOUR).toISOString());
      return ok(a, clerk, 'case.create', { ...complaint(`客户${i}`, '热水器漏水', `138000000${String(i).padStart(2, '0')}`), channel: i % 3 ? 'phone' : 'walk_in' }).id;
    });
    const half = (a.db.prepare('SELECT max(seq) AS seq FROM events').get() as { seq: number }).seq;
    // Then every case moves on: classified, some handed over, some contacted, one closed with a rating.
    for (const [i, id] of ids.entries()) {
      ok(a, clerk, 'case.act', { id, action: { type: 'classified', payload: { severity: (i % 3) + 1, major: i % 7 === 0, nature: 'valid', communicationKind: null, content: i % 2 ? 'product' : 'quality', cause: 'service_level', motive: 'emotional' } } } as never);
      if (i % 5 === 1) ok(a, clerk, 'case.act', { id, action: { type: 'customer_contacted', payload: { summary: '已回电' } } });
      if (i % 4 === 0) ok(a, clerk, 'case.act', { id, action: { type: 'handed_over', payload: { toId: team.clerk2.staff.id, reason: '调岗' } } });
    }
    for (const action of [
      { type: 'customer_contacted', payload: { summary: '已回电' } },
      { type: 'investigated', payload: { findings: '属实' } },
      { type: 'proposal_made', payload: { remedy: '更换' } },
    ] as CaseActionRequest[]) ok(a, clerk, 'case.act', { id: ids[2]!, action });
    ok(a, sign(team.manager), 'case.act', { id: ids[2]!, action: { type: 'approved', payload: {} } });
    for (const action of [
      { type: 'executed', payload: { summary: '已更换' } },
      { type: 'feedback_given', payload: { summary: '已告知' } },
      { type: 'followed_up', payload: { satisfaction: 4, solved: 'yes' } },
      { type: 'closed', payload: { customerAccepted: true } },
    ] as CaseActionRequest[]) ok(a, clerk, 'case.act', { id: ids[2]!, action });

    // Desk B pulls it all in two pages: 40 new cases, then the same 40 rewritten.
    const b = openTestDesk(tempDir(), clock);
    const page = (where: string) => (a.db.prepare(`SELECT * FROM events WHERE ${where} ORDER BY seq`).all(half) as EventRow[]).map(rowToEvent);
    recordEvents(b.db, page('seq <= ?'), 'server');
    recordEvents(b.db, page('seq > ?'), 'server');
    const countsOf = (db: Db) => db.prepare('SELECT * FROM case_counts WHERE n <> 0 ORDER BY key').all();
    expect(cellsOf(b.db)).toEqual(cellsOf(a.db));
    expect(countsOf(b.db)).toEqual(countsOf(a.db));
    expect(cellsOf(b.db).length).toBeGreaterThan(30);
    // And the triggers are back: one more case, written alone, is summed as it is written.
    recordEvents(b.db, [receivedEvent(newId(), Date.parse('2026-11-20T02:00:00Z'), { device: 'desk-c' }, 901)], 'server');
    const summed = cellsOf(b.db);
    refillReportCells(b.db);
    expect(cellsOf(b.db)).toEqual(summed);
    expect((b.db.prepare("SELECT n FROM case_counts WHERE key = 'all'").get() as { n: number }).n).toBe(41);
    a.close();
    b.close();
  });
});
