import { randomBytes } from 'node:crypto';
import { sha256 } from './app.js';
import type { Sql } from './sql.js';

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
