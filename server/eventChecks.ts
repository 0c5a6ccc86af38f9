import type { z } from 'zod';
import { ComplaintEventPayloads, type StaffEventPayloads, type EventEnvelope } from '../shared/events.js';
import { payloadSchemaOf, REFERENCE_ENTITY_IDS } from '../shared/eventSchemas.js';
import { findUnsafeText } from '../shared/textSafety.js';
import { hlcWallMs, MAX_CLOCK_AHEAD_MS } from '../shared/hlc.js';
import { parseCaseNumber } from '../shared/caseNumber.js';
import { AUTO_ESCALATION_RULES } from '../shared/events.js';
import type { SessionGrant } from '../shared/proof.js';
import type { SyncRefusal } from '../shared/sync.js';
import { eventSignedBy, grantSignedBy, macValid, openGrant } from '../keys/actorKeys.js';
import type { ActorRole } from '../shared/staff.js';
import type { Sql } from './sql.js';

/**
 * Everything the server checks in an event before it stores it, with the same shared schemas the
 * desks use: shape and size, the clock, the branch, the desk that sent it, and above all who made
 * it — a proof (shared/proof.ts) by the named person, in the role the server's record gives them at
 * that moment. Staff, role, PIN and reference-data changes need a proven manager.
 */
export interface Device {
  id: string;
  branch: string;
  device_code: string;
  scope: 'branch' | 'hq';
  desk_device_id: string | null;
}

/** Reference data every desk receives (HQ's to publish), not owned by one branch. */
export const REFERENCE_ENTITIES: ReadonlySet<string> = new Set(['library', 'sla']);
const MAX_PAYLOAD_CHARS = 32_000;
const MAX_REFERENCE_PAYLOAD_CHARS = 512_000;
/** Acts that only a manager may take, whatever the desk says. */
const MANAGER_ONLY_STAFF = new Set(['staff_enrolled', 'staff_role_changed', 'staff_deactivated']);

interface RoleSpan {
  fromHlc: string;
  role: ActorRole;
  active: boolean;
}

/** What the server knows of the batch's people, entities and sessions; the batch adds to it as it goes. */
export interface BatchState {
  branches: Map<string, string>;
  staffBranch: Map<string, string>;
  keys: Map<string, string[]>;
  roles: Map<string, RoleSpan[]>;
  grants: Map<string, SessionGrant>;
  /** Grants opened in this batch: their MAC keys, and whether they are new to the server. */
  opened: Map<string, { key: Buffer | null; fresh: boolean }>;
  caseNumbers: Map<string, string>;
  serverPrivateKey: string;
  now: number;
  /** Rows to write with the accepted events, in one transaction. */
  writes: { staff: Array<{ id: string; branch: string; name: string; role: string }>; keys: Array<[string, string]>; roles: Array<[string, string, string, boolean]>; caseNumbers: Array<[string, string]> };
}

export async function loadBatchState(tx: Sql, device: Device, events: EventEnvelope[], pushedGrants: SessionGrant[], serverPrivateKey: string, now: number): Promise<BatchState> {
  const entityIds = [...new Set(events.map((e) => e.entityId))];
  const branches = new Map(
    (await tx.query<{ entity: string; entity_id: string; branch: string }>('SELECT entity, entity_id, branch FROM entity_branches WHERE entity_id = ANY($1::uuid[])', [entityIds])).map((r) => [
      `${r.entity}:${r.entity_id}`,
      r.branch,
    ]),
  );
  const actorIds = [...new Set(events.map((e) => e.actor).filter((a) => /^[0-9a-f-]{36}$/i.test(a)))];
  const staffBranch = new Map(
    (await tx.query<{ id: string; branch: string }>("SELECT entity_id::text AS id, branch FROM entity_branches WHERE entity = 'staff' AND entity_id = ANY($1::uuid[])", [actorIds])).map((r) => [r.id, r.branch]),
  );
  const keys = new Map<string, string[]>();
  for (const r of await tx.query<{ staff_id: string; public_key: string }>('SELECT staff_id::text, public_key FROM staff_keys WHERE staff_id = ANY($1::uuid[])', [actorIds])) {
    keys.set(r.staff_id, [...(keys.get(r.staff_id) ?? []), r.public_key]);
  }
  const roles = new Map<string, RoleSpan[]>();
  for (const r of await tx.query<{ staff_id: string; from_hlc: string; role: ActorRole; active: boolean }>(
    'SELECT staff_id::text, from_hlc, role, active FROM staff_roles WHERE staff_id = ANY($1::uuid[]) ORDER BY from_hlc',
    [actorIds],
  )) {
    roles.set(r.staff_id, [...(roles.get(r.staff_id) ?? []), { fromHlc: r.from_hlc, role: r.role, active: r.active }]);
  }
  const grantIds = [...new Set(events.flatMap((e) => (e.proof && 'grant' in e.proof ? [e.proof.grant] : [])))];
  const grants = new Map(pushedGrants.filter((g) => grantIds.includes(g.id)).map((g) => [g.id, g]));
  const known = await tx.query<{ id: string; body: SessionGrant }>('SELECT id::text, body FROM grants WHERE id = ANY($1::uuid[])', [grantIds]);
  const opened = new Map<string, { key: Buffer | null; fresh: boolean }>();
  // A grant the server already holds is the one it checked: a desk cannot swap its body later.
  for (const g of known) {
    grants.set(g.id, g.body);
    opened.set(g.id, { key: g.body.device === device.desk_device_id || !device.desk_device_id ? openGrant(g.body, serverPrivateKey) : null, fresh: false });
  }
  const numbers = events.flatMap((e) => {
    const number = e.type === 'received' ? parseCaseNumber(String((e.payload as { caseNumber?: unknown } | null)?.caseNumber ?? '')) : null;
    return number ? [`${number.prefix}#${number.seq}`] : [];
  });
  const caseNumbers = new Map(
    (await tx.query<{ case_number: string; case_id: string }>('SELECT case_number, case_id::text FROM case_numbers WHERE case_number = ANY($1::text[])', [numbers])).map((r) => [r.case_number, r.case_id]),
  );
  return { branches, staffBranch, keys, roles, grants, opened, caseNumbers, serverPrivateKey, now, writes: { staff: [], keys: [], roles: [], caseNumbers: [] } };
}

function roleAt(state: BatchState, staffId: string, hlc: string): RoleSpan | null {
  let found: RoleSpan | null = null;
  for (const span of state.roles.get(staffId) ?? []) if (span.fromHlc <= hlc) found = span;
  return found;
}

function addRole(state: BatchState, staffId: string, span: RoleSpan): void {
  state.roles.set(staffId, [...(state.roles.get(staffId) ?? []).filter((s) => s.fromHlc !== span.fromHlc), span].sort((a, b) => (a.fromHlc < b.fromHlc ? -1 : 1)));
  state.writes.roles.push([staffId, span.fromHlc, span.role, span.active]);
}

function addKey(state: BatchState, staffId: string, publicKey: string): void {
  const keys = state.keys.get(staffId) ?? [];
  if (keys.includes(publicKey)) return;
  state.keys.set(staffId, [...keys, publicKey]);
  state.writes.keys.push([staffId, publicKey]);
}

/** The MAC key of a grant for this event's actor on this desk, or null when the grant does not hold. */
function grantKey(state: BatchState, device: Device, grantId: string, actor: string): Buffer | null {
  const grant = state.grants.get(grantId);
  if (!grant || grant.staffId !== actor) return null;
  if (device.desk_device_id && grant.device !== device.desk_device_id) return null;
  let opened = state.opened.get(grantId);
  if (!opened) {
    const valid = grantSignedBy(grant, state.keys.get(actor) ?? []);
    opened = { key: valid ? openGrant(grant, state.serverPrivateKey) : null, fresh: true };
    state.opened.set(grantId, opened);
  }
  return opened.key;
}

function proven(state: BatchState, device: Device, event: EventEnvelope): boolean {
  const proof = event.proof;
  if (!proof) return false;
  if ('grant' in proof) {
    const key = grantKey(state, device, proof.grant, event.actor);
    return key !== null && macValid(key, event, proof.mac);
  }
  return eventSignedBy(event, proof.sig, state.keys.get(event.actor) ?? []);
}

/** The app's own events: only the automatic escalations of seed 000, in exactly their form. */
function systemEventAllowed(event: EventEnvelope): boolean {
  if (event.entity !== 'complaint' || event.type !== 'escalated' || event.actorRole !== 'system' || event.device !== 'system') return false;
  const p = ComplaintEventPayloads.escalated.safeParse(event.payload);
  return p.success && p.data.severity === 3 && !p.data.major && p.data.rule !== undefined && AUTO_ESCALATION_RULES.includes(p.data.rule);
}

/** Whether this device may store this event, and under which branch. Updates the state as the batch goes. */
export function checkEvent(device: Device, event: EventEnvelope, state: BatchState): { branch: string | null } | { reason: SyncRefusal } {
  if (hlcWallMs(event.hlc) > state.now + MAX_CLOCK_AHEAD_MS) return { reason: 'clock_ahead' };
  const size = JSON.stringify(event.payload ?? null).length;
  if (size > (REFERENCE_ENTITIES.has(event.entity) ? MAX_REFERENCE_PAYLOAD_CHARS : MAX_PAYLOAD_CHARS) || findUnsafeText(event.payload)) return { reason: 'invalid_payload' };
  const canonicalId = REFERENCE_ENTITY_IDS[event.entity];
  if (canonicalId && event.entityId !== canonicalId) return { reason: 'wrong_entity' };
  // A branch sets its own opening hours; everything else of the reference data is HQ's.
  const ownHours = event.type === 'opening_hours_set' && (event.payload as { branch?: unknown } | null)?.branch === device.branch;
  if (REFERENCE_ENTITIES.has(event.entity) && device.scope !== 'hq' && !ownHours) return { reason: 'reference_data_needs_hq' };
  const schema = payloadSchemaOf(event.entity, event.type);
  const parsed = schema?.safeParse(event.payload);
  if (parsed && !parsed.success) return { reason: 'invalid_payload' };
  // Read once, used below: the payload as its schema gives it (unknown types from newer desks have none).
  const payload = (parsed?.data ?? event.payload) as Record<string, unknown>;
  const system = event.actor === 'system';
  if (!system && device.desk_device_id && event.device !== device.desk_device_id) return { reason: 'wrong_device' };

  const key = `${event.entity}:${event.entityId}`;
  let branch: string | null = state.branches.get(key) ?? null;
  if (REFERENCE_ENTITIES.has(event.entity)) {
    branch = device.scope === 'hq' ? null : device.branch;
  } else if (branch === null) {
    if (event.entity === 'complaint') {
      if (event.type !== 'received') return { reason: 'unknown_case' };
      branch = payload.branch as string;
    } else if (event.entity === 'staff' && event.type === 'staff_enrolled') {
      branch = payload.branch as string;
    } else if (event.entity === 'report') {
      // A branch's monthly analysis belongs to the branch; HQ's analysis of all branches to HQ's own.
      branch = (payload.branch as string | null) ?? device.branch;
    } else {
      // Customers belong to the branch of the desk that first recorded them.
      branch = device.branch;
    }
  }
  if (device.scope !== 'hq' && branch !== null && branch !== device.branch) return { reason: 'other_branch' };

  // Who did it: the system only in its own narrow form; a person only with proof, in their role.
  if (system) {
    if (!systemEventAllowed(event)) return { reason: 'actor_not_staff' };
  } else {
    const actorBranch = state.staffBranch.get(event.actor);
    if (actorBranch === undefined || (device.scope !== 'hq' && actorBranch !== device.branch)) return { reason: 'actor_not_staff' };
    if (!proven(state, device, event)) return { reason: 'actor_unproven' };
    const span = roleAt(state, event.actor, event.hlc);
    if (!span || !span.active || span.role !== event.actorRole) return { reason: 'role_mismatch' };
    const managerOnly =
      REFERENCE_ENTITIES.has(event.entity) ||
      event.entity === 'report' ||
      MANAGER_ONLY_STAFF.has(event.type) ||
      (event.type === 'staff_pin_changed' && event.entityId !== event.actor);
    if (managerOnly && event.actorRole !== 'manager') return { reason: 'needs_manager' };
  }

  if (event.type === 'received') {
    // The desk's own prefix, and a number no other case holds (0007 and 00007 are one number).
    const number = parseCaseNumber(payload.caseNumber as string);
    if (!number || number.branch !== device.branch || number.device !== device.device_code) return { reason: 'case_number' };
    const caseKey = `${number.prefix}#${number.seq}`;
    if ((state.caseNumbers.get(caseKey) ?? event.entityId) !== event.entityId) return { reason: 'case_number' };
    state.caseNumbers.set(caseKey, event.entityId);
    state.writes.caseNumbers.push([caseKey, event.entityId]);
  }
  applyStaffChange(event, payload, branch, state);
  if (branch !== null && !REFERENCE_ENTITIES.has(event.entity)) state.branches.set(key, branch);
  return { branch };
}

/** An accepted staff event changes the server's own record: who exists, their keys, their role from when. */
function applyStaffChange(event: EventEnvelope, payload: Record<string, unknown>, branch: string | null, state: BatchState): void {
  if (event.entity !== 'staff') return;
  const staffId = event.entityId;
  const current = roleAt(state, staffId, event.hlc);
  if (event.type === 'staff_enrolled') {
    const p = payload as z.output<typeof StaffEventPayloads.staff_enrolled>;
    if (!state.staffBranch.has(staffId)) {
      state.staffBranch.set(staffId, branch ?? p.branch);
      state.writes.staff.push({ id: staffId, branch: branch ?? p.branch, name: p.name, role: p.role });
      addRole(state, staffId, { fromHlc: event.hlc, role: p.role, active: true });
    }
    if (p.credential) addKey(state, staffId, p.credential.publicKey);
  } else if (event.type === 'staff_pin_changed') {
    const p = payload as z.output<typeof StaffEventPayloads.staff_pin_changed>;
    if (p.credential) addKey(state, staffId, p.credential.publicKey);
  } else if (event.type === 'staff_role_changed' && current) {
    addRole(state, staffId, { fromHlc: event.hlc, role: (payload as z.output<typeof StaffEventPayloads.staff_role_changed>).role, active: current.active });
  } else if (event.type === 'staff_deactivated' && current) {
    addRole(state, staffId, { fromHlc: event.hlc, role: current.role, active: false });
  }
}

/** Writes what the accepted events taught the server about staff, sessions and case numbers. */
export async function saveBatchState(tx: Sql, device: Device, state: BatchState): Promise<void> {
  const { staff, keys, roles, caseNumbers } = state.writes;
  if (staff.length) {
    await tx.query(
      `INSERT INTO staff (id, branch, name, role, password_hash) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT (id) DO NOTHING`,
      [staff.map((s) => s.id), staff.map((s) => s.branch), staff.map((s) => s.name), staff.map((s) => s.role), staff.map(() => null)],
    );
    await tx.query(`INSERT INTO entity_branches (entity, entity_id, branch) SELECT 'staff', * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT DO NOTHING`, [staff.map((s) => s.id), staff.map((s) => s.branch)]);
  }
  if (keys.length) {
    await tx.query('INSERT INTO staff_keys (staff_id, public_key) SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT DO NOTHING', [keys.map((k) => k[0]), keys.map((k) => k[1])]);
  }
  if (roles.length) {
    await tx.query(
      'INSERT INTO staff_roles (staff_id, from_hlc, role, active) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[]) ON CONFLICT DO NOTHING',
      [roles.map((r) => r[0]), roles.map((r) => r[1]), roles.map((r) => r[2]), roles.map((r) => r[3])],
    );
  }
  if (caseNumbers.length) {
    await tx.query('INSERT INTO case_numbers (case_number, case_id) SELECT * FROM unnest($1::text[], $2::uuid[]) ON CONFLICT DO NOTHING', [caseNumbers.map((c) => c[0]), caseNumbers.map((c) => c[1])]);
  }
  const fresh = [...state.opened].filter(([, o]) => o.fresh && o.key).map(([id]) => state.grants.get(id)!);
  if (fresh.length) {
    await tx.query('INSERT INTO grants (id, staff_id, device_id, body) SELECT u.id, u.staff_id, $4::uuid, u.body::jsonb FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS u(id, staff_id, body) ON CONFLICT DO NOTHING', [
      fresh.map((g) => g.id),
      fresh.map((g) => g.staffId),
      fresh.map((g) => JSON.stringify(g)),
      device.id,
    ]);
  }
}

/**
 * The manager a one-time code vouches for: known to the server from the moment the desk joins,
 * with their key and the manager role, so what they do and whom they enrol can be proven.
 */
export async function registerFirstManager(tx: Sql, branch: string, manager: { staffId: string; name: string; publicKey: string }): Promise<boolean> {
  // The same desk joining again keeps its manager; nobody may attach a new key to someone who exists.
  const [existing] = await tx.query<{ branch: string }>('SELECT branch FROM staff WHERE id = $1', [manager.staffId]);
  if (existing) {
    const [key] = await tx.query('SELECT 1 FROM staff_keys WHERE staff_id = $1 AND public_key = $2', [manager.staffId, manager.publicKey]);
    return existing.branch === branch && key !== undefined;
  }
  await tx.query('INSERT INTO staff (id, branch, name, role, password_hash) VALUES ($1, $2, $3, $4, NULL) ON CONFLICT (id) DO NOTHING', [manager.staffId, branch, manager.name, 'manager']);
  await tx.query("INSERT INTO entity_branches (entity, entity_id, branch) VALUES ('staff', $1, $2) ON CONFLICT DO NOTHING", [manager.staffId, branch]);
  await tx.query('INSERT INTO staff_keys (staff_id, public_key) VALUES ($1, $2) ON CONFLICT DO NOTHING', [manager.staffId, manager.publicKey]);
  await tx.query("INSERT INTO staff_roles (staff_id, from_hlc, role, active) VALUES ($1, '', 'manager', true) ON CONFLICT DO NOTHING", [manager.staffId]);
  return true;
}
