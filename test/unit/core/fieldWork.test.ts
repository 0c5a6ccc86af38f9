import { describe, expect, it } from 'vitest';
import { complaint, ok, openTeamDesk } from '../../fixtures/desk.js';
import { fakeClock } from '../../fixtures/clock.js';
import { newId } from '../../../shared/ids.js';

const HOUR = 3_600_000;
const at = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR).toISOString();
const MONDAY_10 = '2026-11-23T02:00:00Z'; // 10:00 in Beijing

describe('field work on the desk', () => {
  it('lists a technician’s visits by appointment, open ones from earlier days too, and only theirs', () => {
    const clock = fakeClock(MONDAY_10);
    const { desk, team } = openTeamDesk(clock);
    const other = ok(desk, team.manager.session, 'staff.enrol', { name: '钱工', role: 'technician', pin: '300002' });
    const book = (caseId: string, technicianId: string, fromHours: number) => {
      const workOrderId = newId();
      ok(desk, team.supervisor.session, 'case.act', {
        id: caseId,
        action: { type: 'work_order_created', payload: { workOrderId, technicianId, windowStart: at(MONDAY_10, fromHours), windowEnd: at(MONDAY_10, fromHours + 2), address: '望京西园三区', phone: '13800138000' } },
      });
      return workOrderId;
    };
    const a = ok(desk, team.clerk.session, 'case.create', complaint('王女士', '热水器漏水', '13800138000')).id;
    const b = ok(desk, team.clerk.session, 'case.create', complaint('李先生', '空调不制冷', '13900139000')).id;
    ok(desk, team.clerk.session, 'case.create', complaint('王女士', '上个月热水器也漏过', '13800138000'));
    const tomorrow = book(a, team.technician.staff.id, 24);
    const yesterday = book(b, team.technician.staff.id, -24);
    const today = book(b, team.technician.staff.id, 3);
    book(a, other.id, 1);
    const jobs = ok(desk, team.technician.session, 'field.jobs', { scope: 'mine' }).items;
    expect(jobs.map((j) => j.workOrder.id)).toEqual([yesterday, today, tomorrow]);
    expect(jobs[2]).toMatchObject({ customerName: '王女士', description: '热水器漏水', history: { cases: 1, unhappy: 0 }, technicianName: '赵工' });
    // A clerk asking for everyone's still gets their own (none); a supervisor gets all four.
    expect(ok(desk, team.clerk.session, 'field.jobs', { scope: 'all' }).items).toEqual([]);
    expect(ok(desk, team.supervisor.session, 'field.jobs', { scope: 'all' }).items).toHaveLength(4);
    desk.close();
  });

  it('books only technicians, and refuses a photo that is not stored here', () => {
    const { desk, team } = openTeamDesk(fakeClock(MONDAY_10));
    const id = ok(desk, team.clerk.session, 'case.create', complaint()).id;
    const workOrderId = newId();
    const booking = { workOrderId, windowStart: at(MONDAY_10, 1), windowEnd: at(MONDAY_10, 3), address: '望京西园三区', phone: '13800138000' };
    const toClerk = desk.dispatch('case.act', { id, action: { type: 'work_order_created', payload: { ...booking, technicianId: team.clerk2.staff.id } } }, team.clerk.session);
    expect(toClerk).toMatchObject({ ok: false, error: { code: 'invalid_request', fields: [{ path: 'action.payload.technicianId' }] } });
    ok(desk, team.clerk.session, 'case.act', { id, action: { type: 'work_order_created', payload: { ...booking, technicianId: team.technician.staff.id } } });
    ok(desk, team.technician.session, 'case.act', { id, action: { type: 'work_order_arrived', payload: { workOrderId } } });
    const ghost = { hash: 'f'.repeat(64), mediaType: 'image/jpeg' as const, size: 1_000 };
    const photo = desk.dispatch('case.act', { id, action: { type: 'work_order_photo_added', payload: { workOrderId, stage: 'before', attachment: ghost } } }, team.technician.session);
    expect(photo).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    // The clerk who booked it cannot do the technician's steps.
    const notTech = desk.dispatch('case.act', { id, action: { type: 'work_order_work_done', payload: { workOrderId, summary: '修好了' } } }, team.clerk.session);
    expect(notTech).toMatchObject({ ok: false, error: { code: 'refused', reason: 'not_technician' } });
    desk.close();
  });

  it('takes a new parts catalogue from a manager only, and every desk then offers it', () => {
    const { desk, team } = openTeamDesk(fakeClock(MONDAY_10));
    const shipped = ok(desk, team.technician.session, 'library.get', {}).catalogue;
    expect(shipped.parts.map((p) => p.code)).toContain('WH-VALVE-PR');
    const names = { 'zh-CN': '热水器电源板', 'zh-TW': '熱水器電源板', en: 'Water heater power board' };
    const next = { parts: [...shipped.parts, { code: 'WH-PSU', names, appliance: 'water_heater' as const, unitPrice: 16_000, warranty: true }], faults: shipped.faults };
    const bySupervisor = desk.dispatch('library.publishCatalogue', { catalogue: next }, team.supervisor.session);
    expect(bySupervisor).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const twice = desk.dispatch('library.publishCatalogue', { catalogue: { ...next, parts: [...next.parts, next.parts[0]!] } }, team.manager.session);
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    ok(desk, team.manager.session, 'library.publishCatalogue', { catalogue: next });
    const published = ok(desk, team.technician.session, 'library.get', {}).catalogue;
    expect(published.version).toBe(shipped.version + 1);
    expect(published.parts.find((p) => p.code === 'WH-PSU')?.names.en).toBe('Water heater power board');
    desk.close();
  });

  it('rings the arrival promise like any deadline: due soon when the window opens, overdue when it closes, once each', () => {
    const clock = fakeClock(MONDAY_10);
    const { desk, team } = openTeamDesk(clock);
    const { id, caseNumber } = ok(desk, team.clerk.session, 'case.create', complaint());
    // Contacted and classified, so the case's own clocks are far off and only the visit rings.
    ok(desk, team.clerk.session, 'case.act', { id, action: { type: 'classified', payload: { severity: 3, major: false, nature: 'valid', communicationKind: null, content: 'product', cause: 'product_quality', motive: 'emotional' } } });
    const workOrderId = newId();
    ok(desk, team.clerk.session, 'case.act', {
      id,
      action: { type: 'work_order_created', payload: { workOrderId, technicianId: team.technician.staff.id, windowStart: at(MONDAY_10, 2), windowEnd: at(MONDAY_10, 4), address: '望京西园三区', phone: '13800138000' } },
    });
    const heard: unknown[] = [];
    desk.core.subscribe((event, payload) => event === 'alarm' && (payload as { step: string }).step === 'arrival' && heard.push(payload));
    desk.core.tick();
    expect(heard).toEqual([]);
    clock.advance(2 * HOUR);
    desk.core.tick();
    desk.core.tick();
    expect(heard).toEqual([{ caseId: id, caseNumber, step: 'arrival', threshold: 'due_soon' }]);
    clock.advance(2 * HOUR);
    desk.core.tick();
    expect(heard).toHaveLength(2);
    expect(heard[1]).toMatchObject({ threshold: 'overdue' });
    // Once there, nothing more rings for this visit.
    ok(desk, team.technician.session, 'case.act', { id, action: { type: 'work_order_arrived', payload: { workOrderId } } });
    clock.advance(HOUR);
    desk.core.tick();
    expect(heard).toHaveLength(2);
    desk.close();
  });
});
