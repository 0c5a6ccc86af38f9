import { CustomerEventPayloads, StaffEventPayloads, type EventEnvelope } from './events.js';
import type { Role } from './staff.js';
import type { Credential } from './proof.js';
import { byHlc } from './fold.js';

/** Folds of the reference entities (staff, customers): last write in HLC order wins per field. */
export interface StaffView {
  id: string;
  name: string;
  role: Role;
  branch: string;
  active: boolean;
  /** The central password's hash (argon2), or a PIN hash from before credentials; '' when none. */
  pinHash: string;
  credential: Credential | null;
}

export function foldStaff(events: readonly EventEnvelope[]): StaffView | null {
  let view: StaffView | null = null;
  for (const event of [...events].sort(byHlc)) {
    if (event.type === 'staff_enrolled') {
      const p = StaffEventPayloads.staff_enrolled.safeParse(event.payload);
      if (p.success && !view) view = { id: event.entityId, name: p.data.name, role: p.data.role, branch: p.data.branch, pinHash: p.data.pinHash, credential: p.data.credential ?? null, active: true };
      continue;
    }
    if (!view) continue;
    if (event.type === 'staff_pin_changed') {
      const p = StaffEventPayloads.staff_pin_changed.safeParse(event.payload);
      if (p.success) {
        view.pinHash = p.data.pinHash;
        view.credential = p.data.credential ?? null;
      }
    } else if (event.type === 'staff_role_changed') {
      const p = StaffEventPayloads.staff_role_changed.safeParse(event.payload);
      if (p.success) view.role = p.data.role;
    } else if (event.type === 'staff_deactivated') {
      view.active = false;
    }
  }
  return view;
}

export interface CustomerView {
  id: string;
  name: string;
  phones: string[];
  notes: string;
  tier: 'standard' | 'vip' | 'key_account';
}

export function foldCustomer(events: readonly EventEnvelope[]): CustomerView | null {
  let view: CustomerView | null = null;
  for (const event of [...events].sort(byHlc)) {
    if (event.type === 'customer_registered') {
      const p = CustomerEventPayloads.customer_registered.safeParse(event.payload);
      if (p.success && !view) view = { id: event.entityId, ...p.data, notes: '', tier: 'standard' };
      continue;
    }
    if (!view || event.type !== 'customer_updated') continue;
    const p = CustomerEventPayloads.customer_updated.safeParse(event.payload);
    if (!p.success) continue;
    const { name, phones, notes, tier } = p.data;
    if (name !== undefined) view.name = name;
    if (phones !== undefined) view.phones = phones;
    if (notes !== undefined) view.notes = notes;
    if (tier !== undefined) view.tier = tier;
  }
  return view;
}
