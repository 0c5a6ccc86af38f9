import { describe, expect, it } from 'vitest';
import { foldCase } from '../../../shared/fold.js';
import type { EventEnvelope } from '../../../shared/events.js';
import type { ActorRole } from '../../../shared/staff.js';
import { newId } from '../../../shared/ids.js';
import { arrivalState, chargeOf } from '../../../shared/workOrder.js';
import { CLERK, SUPERVISOR, receivedEvent, stamp } from '../../fixtures/events.js';

const TECH = 'tech-zhao';
const OTHER_TECH = 'tech-qian';
const MANAGER = 'manager-chen';
const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T01:00:00Z');
const photo = { hash: 'a'.repeat(64), mediaType: 'image/jpeg', size: 120_000 } as const;
const ink = { hash: 'b'.repeat(64), mediaType: 'image/png', size: 9_000 } as const;

/** A case's log written step by step, each event a minute after the one before. */
function caseLog() {
  const caseId = newId();
  const events: EventEnvelope[] = [receivedEvent(caseId, T0)];
  let minute = 0;
  const add = (type: string, payload: unknown, actor: string, role: ActorRole, at = T0 + ++minute * 60_000) => {
    const event = { ...events[0]!, id: newId(), type, payload, actor, actorRole: role, hlc: stamp(at) };
    events.push(event);
    return event;
  };
  return { caseId, events, add, view: () => foldCase(events)! };
}

const booking = (workOrderId: string, technicianId = TECH) => ({
  workOrderId,
  technicianId,
  windowStart: new Date(T0 + 2 * HOUR).toISOString(),
  windowEnd: new Date(T0 + 4 * HOUR).toISOString(),
  address: '朝阳区望京西园三区 5 号楼 1201',
  phone: '13800138000',
  checkList: '热水器底部漏水',
});

/** Sets off, arrives, diagnoses, uses two parts, records the work and (optionally) the signature. */
function visit(add: ReturnType<typeof caseLog>['add'], workOrderId: string, signed = true) {
  add('work_order_set_off', { workOrderId }, TECH, 'technician');
  add('work_order_arrived', { workOrderId }, TECH, 'technician');
  add('work_order_diagnosed', { workOrderId, faultCategory: 'LEAK', fault: '泄压阀密封圈老化' }, TECH, 'technician');
  add('work_order_part_used', { workOrderId, code: 'WH-VALVE-PR', name: '热水器泄压阀', unitPrice: 4_500, warranty: true, quantity: 1 }, TECH, 'technician');
  add('work_order_part_used', { workOrderId, code: 'WH-ANODE', name: '热水器镁棒', unitPrice: 6_800, warranty: false, quantity: 2 }, TECH, 'technician');
  add('work_order_photo_added', { workOrderId, stage: 'after', attachment: photo }, TECH, 'technician');
  add('work_order_work_done', { workOrderId, summary: '更换泄压阀和镁棒，保压测试无渗漏' }, TECH, 'technician');
  if (signed) add('work_order_signed', { workOrderId, signerName: '王女士', attachment: ink }, TECH, 'technician');
}

describe('work orders on a case', () => {
  it('books a visit as contacting the customer, and records each step of the visit with its time', () => {
    const log = caseLog();
    const wo = newId();
    log.add('work_order_created', booking(wo), CLERK, 'clerk');
    expect(log.view().status).toBe('contacted');
    expect(log.view().firstContactAtMs).toBe(T0 + 60_000);
    visit(log.add, wo);
    log.add('work_order_completed', { workOrderId: wo, labour: 5_000, rating: 5 }, TECH, 'technician');
    const view = log.view();
    expect(view.conflicts).toEqual([]);
    const order = view.workOrders[0]!;
    expect(order.status).toBe('completed');
    expect(order.arrivedAtMs).toBe(T0 + 3 * 60_000);
    expect(order.parts.map((p) => p.code)).toEqual(['WH-VALVE-PR', 'WH-ANODE']);
    expect(order.signature?.signerName).toBe('王女士');
    expect(order.photos).toHaveLength(1);
    // The valve is under warranty: the customer pays two anode rods (2 × 68.00) and the call-out (50.00).
    expect(chargeOf(order)).toBe(2 * 6_800 + 5_000);
    // Not approved yet: the case stays where it was, the result waits for the owner.
    expect(view.status).toBe('contacted');
  });

  it('lets only the order’s technician work on it, and refuses steps out of order', () => {
    const log = caseLog();
    const wo = newId();
    log.add('work_order_created', booking(wo), SUPERVISOR, 'supervisor');
    const stranger = log.add('work_order_arrived', { workOrderId: wo }, OTHER_TECH, 'technician');
    const early = log.add('work_order_completed', { workOrderId: wo }, TECH, 'technician');
    const noOrder = log.add('work_order_set_off', { workOrderId: newId() }, TECH, 'technician');
    log.add('work_order_arrived', { workOrderId: wo }, TECH, 'technician');
    const undone = log.add('work_order_completed', { workOrderId: wo }, TECH, 'technician');
    const reasons = Object.fromEntries(log.view().conflicts.map((c) => [c.eventId, c.reason]));
    expect(reasons).toEqual({ [stranger.id]: 'not_technician', [early.id]: 'work_order_state', [noOrder.id]: 'no_such_work_order', [undone.id]: 'needs_work_done' });
    expect(log.view().workOrders[0]!.status).toBe('on_site');
  });

  it('lets a supervisor reassign and cancel, not a clerk; a cancelled visit takes no more steps', () => {
    const log = caseLog();
    const wo = newId();
    log.add('work_order_created', booking(wo), CLERK, 'clerk');
    const clerkCancel = log.add('work_order_cancelled', { workOrderId: wo, reason: '客户改约' }, CLERK, 'clerk');
    log.add('work_order_reassigned', { workOrderId: wo, technicianId: OTHER_TECH }, SUPERVISOR, 'supervisor');
    const oldTech = log.add('work_order_set_off', { workOrderId: wo }, TECH, 'technician');
    log.add('work_order_cancelled', { workOrderId: wo, reason: '客户已自行修好' }, SUPERVISOR, 'supervisor');
    const late = log.add('work_order_set_off', { workOrderId: wo }, OTHER_TECH, 'technician');
    const view = log.view();
    expect(view.workOrders[0]).toMatchObject({ status: 'cancelled', technicianId: OTHER_TECH, cancelReason: '客户已自行修好' });
    expect(view.conflicts.map((c) => [c.eventId, c.reason])).toEqual([
      [clerkCancel.id, 'not_permitted'],
      [oldTech.id, 'not_technician'],
      [late.id, 'work_order_state'],
    ]);
  });

  it('moves a booked window at the owner’s or a supervisor’s word, not the technician’s, and not once on site', () => {
    const log = caseLog();
    const wo = newId();
    log.add('work_order_created', booking(wo), CLERK, 'clerk');
    const moved = { workOrderId: wo, windowStart: new Date(T0 + 24 * HOUR).toISOString(), windowEnd: new Date(T0 + 26 * HOUR).toISOString(), reason: '客户改到明天' };
    const byTech = log.add('work_order_rescheduled', moved, TECH, 'technician');
    log.add('work_order_rescheduled', moved, CLERK, 'clerk');
    expect(log.view().workOrders[0]).toMatchObject({ windowStartMs: T0 + 24 * HOUR, windowEndMs: T0 + 26 * HOUR });
    log.add('work_order_arrived', { workOrderId: wo }, TECH, 'technician');
    const late = log.add('work_order_rescheduled', { ...moved, reason: '再改' }, SUPERVISOR, 'supervisor');
    expect(log.view().conflicts.map((c) => [c.eventId, c.reason])).toEqual([
      [byTech.id, 'not_owner'],
      [late.id, 'work_order_state'],
    ]);
  });

  it('opens a second visit booked at the door, at the same address, for the same technician', () => {
    const log = caseLog();
    const first = newId();
    const second = newId();
    log.add('work_order_created', booking(first), CLERK, 'clerk');
    visit(log.add, first, false);
    const nextVisit = { workOrderId: second, windowStart: new Date(T0 + 26 * HOUR).toISOString(), windowEnd: new Date(T0 + 28 * HOUR).toISOString() };
    log.add('work_order_completed', { workOrderId: first, nextVisit }, TECH, 'technician');
    const [a, b] = log.view().workOrders;
    expect(a!.status).toBe('completed');
    expect(b).toMatchObject({ id: second, previousId: first, status: 'booked', technicianId: TECH, address: a!.address, phone: a!.phone, windowStartMs: T0 + 26 * HOUR });
    // The same id cannot be booked twice.
    const again = log.add('work_order_created', booking(second), CLERK, 'clerk');
    expect(log.view().conflicts.map((c) => c.reason)).toEqual(['work_order_exists']);
    expect(log.view().conflicts[0]!.eventId).toBe(again.id);
  });

  it('carries out the approved remedy when the visit is signed off: the case moves to executed with the result', () => {
    const log = caseLog();
    const wo = newId();
    log.add('classified', { severity: 3, major: false, nature: 'valid', communicationKind: null, content: 'product', cause: 'product_quality', motive: 'emotional' }, CLERK, 'clerk');
    log.add('customer_contacted', { summary: '已约上门' }, CLERK, 'clerk');
    log.add('investigated', { findings: '泄压阀故障' }, CLERK, 'clerk');
    log.add('proposal_made', { remedy: '上门免费更换泄压阀' }, CLERK, 'clerk');
    log.add('approved', { comment: '' }, MANAGER, 'manager');
    log.add('work_order_created', booking(wo), CLERK, 'clerk');
    expect(log.view().status).toBe('approved');
    visit(log.add, wo);
    log.add('work_order_completed', { workOrderId: wo, rating: 4 }, TECH, 'technician');
    const view = log.view();
    expect(view.status).toBe('executed');
    expect(view.execution).toContain('更换泄压阀和镁棒');
    expect(view.finishedSteps.at(-1)?.step).toBe('execute');
  });

  it('does not count an unsigned visit as carrying out the remedy', () => {
    const log = caseLog();
    const wo = newId();
    log.add('classified', { severity: 3, major: false, nature: 'valid', communicationKind: null, content: 'product', cause: 'product_quality', motive: 'emotional' }, CLERK, 'clerk');
    log.add('customer_contacted', { summary: '已约上门' }, CLERK, 'clerk');
    log.add('investigated', { findings: '泄压阀故障' }, CLERK, 'clerk');
    log.add('proposal_made', { remedy: '上门免费更换泄压阀' }, CLERK, 'clerk');
    log.add('approved', { comment: '' }, MANAGER, 'manager');
    log.add('work_order_created', booking(wo), CLERK, 'clerk');
    visit(log.add, wo, false);
    log.add('work_order_completed', { workOrderId: wo }, TECH, 'technician');
    expect(log.view().status).toBe('approved');
    expect(log.view().execution).toBeNull();
  });

  it('refuses a window that ends before it starts', () => {
    const log = caseLog();
    const bad = log.add('work_order_created', { ...booking(newId()), windowEnd: new Date(T0).toISOString() }, CLERK, 'clerk');
    expect(log.view().conflicts).toEqual([expect.objectContaining({ eventId: bad.id, reason: 'invalid_payload' })]);
  });

  it('keeps the arrival promise: due soon once the window opens, overdue once it has closed, nothing once there', () => {
    const order = { status: 'booked' as const, windowStartMs: 1_000, windowEndMs: 2_000 };
    expect([999, 1_000, 1_999, 2_000].map((now) => arrivalState(order, now))).toEqual(['ok', 'due_soon', 'due_soon', 'overdue']);
    expect(arrivalState({ ...order, status: 'en_route' }, 5_000)).toBe('overdue');
    expect(arrivalState({ ...order, status: 'on_site' }, 5_000)).toBeNull();
    expect(arrivalState({ ...order, status: 'cancelled' }, 5_000)).toBeNull();
  });
});
