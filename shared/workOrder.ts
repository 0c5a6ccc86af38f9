import { z } from 'zod';
import { PHONE_PATTERN } from './complaint.js';
import { SUPERVISING_ROLES, type Actor } from './staff.js';

/**
 * Onsite work orders (现场工单): a visit to the customer, booked on a case, carried out by one
 * technician. They live in the case's own log, so they sync, fold and show on its timeline with it.
 */

/** What an attachment is to an event: its content's hash, type and size. The bytes travel apart. */
/** Photos are JPEG (the desk re-encodes them), signatures PNG: the two whose metadata the desk can strip. */
export const ATTACHMENT_MEDIA_TYPES = ['image/jpeg', 'image/png'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];
/** A resized photo is far below this; anything larger is refused before a byte is stored. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const HASH_PATTERN = /^[0-9a-f]{64}$/;
export const AttachmentRef = z.object({
  hash: z.string().regex(HASH_PATTERN),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
  size: z.number().int().positive().max(MAX_ATTACHMENT_BYTES),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

const text = (max: number) => z.string().trim().min(1).max(max);
const workOrderId = z.uuid();
/** Money in fen (1/100 yuan): no rounding drift when parts are added up. */
const Fen = z.number().int().nonnegative().max(100_000_000);

const endsAfterStart = (w: { windowStart: string; windowEnd: string }) => Date.parse(w.windowEnd) > Date.parse(w.windowStart);
/** An appointment window: the payload's shape plus its start and end, refused when it ends before it starts. */
const windowed = <S extends z.ZodRawShape>(shape: S) =>
  z
    .object({ ...shape, windowStart: z.iso.datetime(), windowEnd: z.iso.datetime() })
    .refine((w) => endsAfterStart(w as { windowStart: string; windowEnd: string }), { message: 'the window must end after it starts', path: ['windowEnd'] });

export const PHOTO_STAGES = ['before', 'after'] as const;

export const WorkOrderEventPayloads = {
  work_order_created: windowed({
    workOrderId,
    technicianId: z.string().min(1).max(64),
    address: text(500),
    phone: z.string().trim().regex(PHONE_PATTERN),
    checkList: z.string().trim().max(2_000).default(''),
    /** The visit before this one, when this is a second visit. */
    previousId: workOrderId.nullable().default(null),
  }),
  work_order_reassigned: z.object({ workOrderId, technicianId: z.string().min(1).max(64) }),
  work_order_rescheduled: windowed({ workOrderId, reason: text(1_000) }),
  work_order_cancelled: z.object({ workOrderId, reason: text(1_000) }),
  work_order_set_off: z.object({ workOrderId }),
  work_order_arrived: z.object({ workOrderId }),
  work_order_diagnosed: z.object({ workOrderId, faultCategory: z.string().min(1).max(40), fault: text(4_000) }),
  work_order_part_used: z.object({
    workOrderId,
    code: z.string().trim().min(1).max(40),
    name: text(200),
    unitPrice: Fen,
    warranty: z.boolean(),
    quantity: z.number().int().min(1).max(999),
  }),
  work_order_work_done: z.object({ workOrderId, summary: text(4_000) }),
  work_order_photo_added: z.object({ workOrderId, stage: z.enum(PHOTO_STAGES), attachment: AttachmentRef }),
  work_order_signed: z.object({ workOrderId, signerName: text(100), attachment: AttachmentRef }),
  work_order_completed: z.object({
    workOrderId,
    /** Labour and call-out charged besides the parts (zero under warranty). */
    labour: Fen.default(0),
    rating: z.number().int().min(1).max(5).nullable().default(null),
    /** Booked at the door when the job needs another visit (a part to order): opens the next work order. */
    nextVisit: windowed({ workOrderId }).nullable().default(null),
  }),
} as const;

export type WorkOrderEventType = keyof typeof WorkOrderEventPayloads;
export type WorkOrderPayload<T extends WorkOrderEventType> = z.output<(typeof WorkOrderEventPayloads)[T]>;
export const WORK_ORDER_EVENT_TYPES = Object.keys(WorkOrderEventPayloads) as WorkOrderEventType[];
export const isWorkOrderEvent = (type: string): type is WorkOrderEventType => Object.prototype.hasOwnProperty.call(WorkOrderEventPayloads, type);

export const WORK_ORDER_STATUSES = ['booked', 'en_route', 'on_site', 'completed', 'cancelled'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

export interface PartUsed {
  code: string;
  name: string;
  unitPrice: number;
  warranty: boolean;
  quantity: number;
}

export interface WorkOrderView {
  id: string;
  technicianId: string;
  windowStartMs: number;
  windowEndMs: number;
  address: string;
  phone: string;
  checkList: string;
  previousId: string | null;
  status: WorkOrderStatus;
  createdBy: string;
  createdAtMs: number;
  setOffAtMs: number | null;
  arrivedAtMs: number | null;
  diagnosis: { faultCategory: string; fault: string } | null;
  parts: PartUsed[];
  workDone: string | null;
  photos: Array<{ stage: (typeof PHOTO_STAGES)[number]; attachment: AttachmentRef }>;
  signature: { signerName: string; attachment: AttachmentRef } | null;
  labour: number;
  rating: number | null;
  completedAtMs: number | null;
  cancelReason: string | null;
}

/** What the customer pays: chargeable parts plus labour; parts under warranty cost nothing. */
export function chargeOf(order: Pick<WorkOrderView, 'parts' | 'labour'>): number {
  return order.parts.reduce((sum, p) => sum + (p.warranty ? 0 : p.unitPrice * p.quantity), 0) + order.labour;
}

const OPEN_WORK_ORDER: readonly WorkOrderStatus[] = ['booked', 'en_route', 'on_site'];

export type WorkOrderRefusal = 'no_such_work_order' | 'work_order_exists' | 'work_order_state' | 'not_technician' | 'not_permitted' | 'not_owner' | 'needs_work_done';

/**
 * The work order's own state machine: which status each step needs and who may take it. A
 * technician acts on their own orders only; booking and changing a booking is the case owner's or
 * a supervisor's, cancelling and reassigning a supervisor's.
 */
const STEPS: { [T in WorkOrderEventType]: { from: readonly WorkOrderStatus[] | 'new'; who: 'technician' | 'owner_or_supervisor' | 'supervisor' } } = {
  work_order_created: { from: 'new', who: 'owner_or_supervisor' },
  work_order_reassigned: { from: ['booked', 'en_route'], who: 'supervisor' },
  work_order_rescheduled: { from: ['booked', 'en_route'], who: 'owner_or_supervisor' },
  work_order_cancelled: { from: OPEN_WORK_ORDER, who: 'supervisor' },
  work_order_set_off: { from: ['booked'], who: 'technician' },
  work_order_arrived: { from: ['booked', 'en_route'], who: 'technician' },
  work_order_diagnosed: { from: ['on_site'], who: 'technician' },
  work_order_part_used: { from: ['on_site'], who: 'technician' },
  work_order_work_done: { from: ['on_site'], who: 'technician' },
  work_order_photo_added: { from: ['on_site'], who: 'technician' },
  work_order_signed: { from: ['on_site'], who: 'technician' },
  work_order_completed: { from: ['on_site'], who: 'technician' },
};

export function workOrderRefusal(
  orders: readonly WorkOrderView[],
  caseOwnerId: string,
  type: WorkOrderEventType,
  payload: { workOrderId: string; nextVisit?: { workOrderId: string } | null },
  actor: Actor,
): WorkOrderRefusal | null {
  const step = STEPS[type];
  const order = orders.find((o) => o.id === payload.workOrderId);
  const supervising = SUPERVISING_ROLES.includes(actor.role);
  if (step.from === 'new') {
    if (order) return 'work_order_exists';
  } else {
    if (!order) return 'no_such_work_order';
    if (!step.from.includes(order.status)) return 'work_order_state';
  }
  if (step.who === 'technician' && order?.technicianId !== actor.id) return 'not_technician';
  if (step.who === 'supervisor' && !supervising) return 'not_permitted';
  if (step.who === 'owner_or_supervisor' && !supervising && caseOwnerId !== actor.id) return 'not_owner';
  if (type === 'work_order_completed') {
    if (!order?.workDone) return 'needs_work_done';
    if (payload.nextVisit && orders.some((o) => o.id === payload.nextVisit?.workOrderId)) return 'work_order_exists';
  }
  return null;
}

/** Applies an accepted work-order event to the case's orders (already checked by workOrderRefusal). */
export function applyWorkOrderEvent(orders: WorkOrderView[], type: WorkOrderEventType, payload: unknown, actor: string, atMs: number): void {
  if (type === 'work_order_created') {
    const p = payload as WorkOrderPayload<'work_order_created'>;
    orders.push(newOrder(p.workOrderId, p, actor, atMs));
    return;
  }
  const order = orders.find((o) => o.id === (payload as { workOrderId: string }).workOrderId);
  if (!order) return;
  switch (type) {
    case 'work_order_reassigned':
      order.technicianId = (payload as WorkOrderPayload<'work_order_reassigned'>).technicianId;
      return;
    case 'work_order_rescheduled': {
      const p = payload as WorkOrderPayload<'work_order_rescheduled'>;
      order.windowStartMs = Date.parse(p.windowStart);
      order.windowEndMs = Date.parse(p.windowEnd);
      return;
    }
    case 'work_order_cancelled':
      order.status = 'cancelled';
      order.cancelReason = (payload as WorkOrderPayload<'work_order_cancelled'>).reason;
      return;
    case 'work_order_set_off':
      order.status = 'en_route';
      order.setOffAtMs = atMs;
      return;
    case 'work_order_arrived':
      order.status = 'on_site';
      order.arrivedAtMs = atMs;
      return;
    case 'work_order_diagnosed': {
      const p = payload as WorkOrderPayload<'work_order_diagnosed'>;
      order.diagnosis = { faultCategory: p.faultCategory, fault: p.fault };
      return;
    }
    case 'work_order_part_used': {
      const { workOrderId: _id, ...part } = payload as WorkOrderPayload<'work_order_part_used'>;
      order.parts.push(part);
      return;
    }
    case 'work_order_work_done':
      order.workDone = (payload as WorkOrderPayload<'work_order_work_done'>).summary;
      return;
    case 'work_order_photo_added': {
      const p = payload as WorkOrderPayload<'work_order_photo_added'>;
      order.photos.push({ stage: p.stage, attachment: p.attachment });
      return;
    }
    case 'work_order_signed': {
      const p = payload as WorkOrderPayload<'work_order_signed'>;
      order.signature = { signerName: p.signerName, attachment: p.attachment };
      return;
    }
    case 'work_order_completed': {
      const p = payload as WorkOrderPayload<'work_order_completed'>;
      order.status = 'completed';
      order.completedAtMs = atMs;
      order.labour = p.labour;
      order.rating = p.rating;
      // The next visit keeps the place, the phone and the technician; its window was agreed at the door.
      if (p.nextVisit) orders.push(newOrder(p.nextVisit.workOrderId, { ...order, ...p.nextVisit, checkList: order.diagnosis?.fault ?? order.checkList, previousId: order.id }, actor, atMs));
      return;
    }
  }
}

function newOrder(
  id: string,
  p: { technicianId: string; windowStart: string; windowEnd: string; address: string; phone: string; checkList: string; previousId: string | null },
  actor: string,
  atMs: number,
): WorkOrderView {
  return {
    id,
    technicianId: p.technicianId,
    windowStartMs: Date.parse(p.windowStart),
    windowEndMs: Date.parse(p.windowEnd),
    address: p.address,
    phone: p.phone,
    checkList: p.checkList,
    previousId: p.previousId,
    status: 'booked',
    createdBy: actor,
    createdAtMs: atMs,
    setOffAtMs: null,
    arrivedAtMs: null,
    diagnosis: null,
    parts: [],
    workDone: null,
    photos: [],
    signature: null,
    labour: 0,
    rating: null,
    completedAtMs: null,
    cancelReason: null,
  };
}

/** The result of a signed-off visit in words, for the case's "executed" step (no second typing). */
export function executionSummary(order: WorkOrderView): string {
  const parts = order.parts.map((p) => `${p.name} ×${p.quantity}`).join(', ');
  return [order.diagnosis?.fault, order.workDone, parts].filter((s) => s && s.length > 0).join(' / ');
}

/** Arrival is the visit's promise: due soon once the window opens, overdue once it has closed. */
export function arrivalState(order: Pick<WorkOrderView, 'status' | 'windowStartMs' | 'windowEndMs'>, now: number): 'ok' | 'due_soon' | 'overdue' | null {
  if (order.status !== 'booked' && order.status !== 'en_route') return null;
  if (now >= order.windowEndMs) return 'overdue';
  return now >= order.windowStartMs ? 'due_soon' : 'ok';
}

/** A work order as the desk hands it to the screens (the contract's shape of WorkOrderView). */
export const WorkOrderSchema = z.object({
  id: z.string(),
  technicianId: z.string(),
  windowStartMs: z.number(),
  windowEndMs: z.number(),
  address: z.string(),
  phone: z.string(),
  checkList: z.string(),
  previousId: z.string().nullable(),
  status: z.enum(WORK_ORDER_STATUSES),
  createdBy: z.string(),
  createdAtMs: z.number(),
  setOffAtMs: z.number().nullable(),
  arrivedAtMs: z.number().nullable(),
  diagnosis: z.object({ faultCategory: z.string(), fault: z.string() }).nullable(),
  parts: z.array(z.object({ code: z.string(), name: z.string(), unitPrice: z.number(), warranty: z.boolean(), quantity: z.number() })),
  workDone: z.string().nullable(),
  photos: z.array(z.object({ stage: z.enum(PHOTO_STAGES), attachment: AttachmentRef })),
  signature: z.object({ signerName: z.string(), attachment: AttachmentRef }).nullable(),
  labour: z.number(),
  rating: z.number().nullable(),
  completedAtMs: z.number().nullable(),
  cancelReason: z.string().nullable(),
}) satisfies z.ZodType<WorkOrderView>;
