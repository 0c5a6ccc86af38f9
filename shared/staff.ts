import { z } from 'zod';

/** Who works at a desk. Roles decide what each may do to a case (see lifecycle.ts). */
export const ROLES = ['clerk', 'technician', 'supervisor', 'manager'] as const;
export type Role = (typeof ROLES)[number];
/** The app itself, for automatic events (e.g. escalation on a breached deadline). */
export const ACTOR_ROLES = [...ROLES, 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const SUPERVISING_ROLES: readonly ActorRole[] = ['supervisor', 'manager', 'system'];

export const PIN_PATTERN = /^\d{4,12}$/;

/**
 * Roles whose word moves money and people (approvals, staff, reference data). Their PINs are longer
 * and dearer to guess: a stolen copy of the staff table must cost days per privileged account.
 */
export const PRIVILEGED_ROLES: readonly Role[] = ['supervisor', 'manager'];
export const MIN_PRIVILEGED_PIN = 6;

export function pinLongEnough(role: Role, pin: string): boolean {
  return !PRIVILEGED_ROLES.includes(role) || pin.length >= MIN_PRIVILEGED_PIN;
}
export const StaffName = z.string().trim().min(1).max(60);

export interface Actor {
  id: string;
  role: ActorRole;
}
