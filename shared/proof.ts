import { z } from 'zod';

/**
 * Proof of who made an event, in formats the desk and the server share (the cryptography itself is
 * in keys/). Each member of staff has an Ed25519 key; its private half is kept only wrapped under
 * their PIN or password (the credential). At sign-in the desk opens a session grant: a fresh MAC key
 * sealed to the server's X25519 key and signed with the staff member's key. Every event made in the
 * session carries an HMAC under that key; the server verifies the grant once and each MAC cheaply.
 * Before the desk knows the server's key (not enrolled yet), events carry an Ed25519 signature.
 */
const B64 = z.string().regex(/^[A-Za-z0-9_-]+$/).max(600);

/** A staff member's key pair, the private half encrypted (AES-256-GCM) under scrypt(secret). */
export const Credential = z.object({
  kdf: z.literal('scrypt'),
  n: z.number().int().min(2 ** 10).max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: B64,
  publicKey: B64,
  iv: B64,
  box: B64,
});
export type Credential = z.infer<typeof Credential>;

export const SessionGrant = z.object({
  id: z.uuid(),
  staffId: z.uuid(),
  /** The desk (its own device id) the session was opened on. */
  device: z.string().min(1).max(64),
  issuedAt: z.number().int().nonnegative(),
  /** The session's MAC key, sealed to the server: ephemeral X25519 key, IV, AES-GCM box. */
  epk: B64,
  iv: B64,
  box: B64,
  /** Ed25519 signature of everything above by the staff member's key. */
  sig: B64,
});
export type SessionGrant = z.infer<typeof SessionGrant>;

export const EventProof = z.union([z.object({ grant: z.uuid(), mac: B64 }).strict(), z.object({ sig: B64 }).strict()]);
export type EventProof = z.infer<typeof EventProof>;

export const GRANT_KEY_INFO = 'calmdesk session grant v1';

/** JSON with object keys sorted at every level: the same bytes whichever store the payload went through. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

interface ProvableEvent {
  id: string;
  entity: string;
  entityId: string;
  type: string;
  payload: unknown;
  actor: string;
  actorRole: string;
  device: string;
  hlc: string;
  schema: number;
}

/** What a proof covers: every field of the event but the proof itself. */
export function proofMessage(e: ProvableEvent): string {
  return canonicalJson([e.id, e.entity, e.entityId, e.type, e.payload, e.actor, e.actorRole, e.device, e.hlc, e.schema]);
}

export function grantMessage(g: Omit<SessionGrant, 'sig'>): string {
  return canonicalJson([g.id, g.staffId, g.device, g.issuedAt, g.epk, g.iv, g.box]);
}
