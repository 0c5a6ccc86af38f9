import { z } from 'zod';

/** Who works at a desk. Roles decide what each may do to a case (see lifecycle.ts). */
export const ROLES = ['clerk', 'technician', 'supervisor', 'manager'] as const;
export type Role = (typeof ROLES)[number];
/** The app itself, for automatic events (e.g. escalation on a breached deadline). */
export const ACTOR_ROLES = [...ROLES, 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const SUPERVISING_ROLES: readonly ActorRole[] = ['supervisor', 'manager', 'system'];

export const PIN_PATTERN = /^\d{4,12}$/;
export const StaffName = z.string().trim().min(1).max(60);

export interface Actor {
  id: string;
  role: ActorRole;
}
