import { randomBytes, randomUUID } from 'node:crypto';
import { sha256 } from './app.js';
import type { Sql } from './sql.js';
import { hashPassword } from '../shared/password.js';
import { formatHlc } from '../shared/hlc.js';
import { EVENT_SCHEMA_VERSION } from '../shared/events.js';
import { ROLES, type Role } from '../shared/staff.js';
import { createCredential, DEFAULT_SECRET_COST } from '../keys/actorKeys.js';

const SERVER_DEVICE = '00000000-0000-0000-0000-000000000000';

/** What the central administrator does: branches, one-time enrolment codes, revoking a device. */
export async function addBranch(sql: Sql, code: string, name: string): Promise<void> {
  if (!/^[A-Z0-9]{2,8}$/.test(code)) throw new Error('a branch code is 2–8 capital letters or digits');
  await sql.query('INSERT INTO branches (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET name = excluded.name', [code, name]);
}

/** A one-time code that enrols one desk as `deviceCode` of the branch (or as an HQ desk). */
export async function createEnrolmentCode(sql: Sql, branch: string, deviceCode: string, scope: 'branch' | 'hq' = 'branch'): Promise<string> {
  if (!/^[A-Z0-9]{1,4}$/.test(deviceCode)) throw new Error('a desk code is 1–4 capital letters or digits');
  const code = randomBytes(9).toString('base64url');
  await sql.query('INSERT INTO enrolment_codes (code_hash, branch, device_code, scope) VALUES ($1, $2, $3, $4)', [sha256(code), branch, deviceCode, scope]);
  return code;
}

export async function revokeDevice(sql: Sql, deviceId: string): Promise<boolean> {
  return (await sql.query('UPDATE devices SET revoked = true WHERE id = $1 RETURNING id', [deviceId])).length > 0;
}

/**
 * A central staff account: stored with an argon2 hash, and published to the branch's desks as a
 * staff_enrolled event, so they can sign the person in even while offline.
 */
export async function addStaff(sql: Sql, branch: string, name: string, role: Role, password: string): Promise<string> {
  if (!ROLES.includes(role)) throw new Error(`a role is one of: ${ROLES.join(', ')}`);
  if (password.length < 8) throw new Error('a password has at least 8 characters');
  const id = randomUUID();
  const hash = await hashPassword(password, randomBytes(16));
  // Their key, wrapped under the password, so any desk of the branch can unlock it offline.
  const { credential } = createCredential(password, DEFAULT_SECRET_COST(role));
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(4242)');
    await tx.query('INSERT INTO staff (id, branch, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)', [id, branch, name, role, hash]);
    await tx.query('INSERT INTO staff_keys (staff_id, public_key) VALUES ($1, $2)', [id, credential.publicKey]);
    await tx.query("INSERT INTO staff_roles (staff_id, from_hlc, role, active) VALUES ($1, '', $2, true)", [id, role]);
    await tx.query(
      `INSERT INTO events (id, entity, entity_id, type, payload, actor, actor_role, device, hlc, schema, branch, from_device)
       VALUES ($1, 'staff', $2, 'staff_enrolled', $3, 'system', 'system', 'server', $4, $5, $6, $7)`,
      [randomUUID(), id, JSON.stringify({ name, role, branch, pinHash: hash, credential }), formatHlc({ wallMs: Date.now(), counter: 0, node: 'server' }), EVENT_SCHEMA_VERSION, branch, SERVER_DEVICE],
    );
    await tx.query("INSERT INTO entity_branches (entity, entity_id, branch) VALUES ('staff', $1, $2)", [id, branch]);
  });
  return id;
}
