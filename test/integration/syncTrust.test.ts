import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids.js';
import { SLA_ENTITY_ID, type EventEnvelope } from '../../shared/events.js';
import { readJson } from '../../db/localState.js';
import type { SyncConfig } from '../../electron/core/syncClient.js';
import { complaint, ok, openTestDesk } from '../fixtures/desk.js';
import { tempDir } from '../fixtures/tempDir.js';
import { provenBy } from './forge.js';
import { engineFor, engines, enrolledDesk, joinCode, postgresAvailable, setUpOrg, startServer, syncNow, type Desk, type RunningServer } from './syncWorld.js';

/**
 * What an enrolled desk may NOT do, however its database or developer tools are bent: each case is
 * a finding of issue 12, reproduced against a real server on PGlite and on PostgreSQL.
 */
const unavailable = await postgresAvailable();
const DAY = 86_400_000;

function suite(engine: 'pglite' | 'postgres') {
  let server: RunningServer;
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const { open, drop: dropDb } = await engineFor(engine);
    drop = dropDb;
    server = await startServer(open);
    await setUpOrg(server.sql);
  }, 60_000);
  afterAll(async () => {
    await server.stop();
    await drop();
  });

  const tokenOf = (d: Desk) => readJson<SyncConfig>(d.desk.db, 'meta', 'sync.config')!.token;
  const push = async (d: Desk, events: unknown[]) => {
    const response = await fetch(`${server.url}/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(d)}` },
      body: JSON.stringify({ events }),
    });
    return { status: response.status, body: (await response.json()) as { accepted: string[]; refused: Array<{ id: string; reason: string }> } };
  };
  const reasons = async (d: Desk, events: unknown[]) => (await push(d, events)).body.refused.map((r) => r.reason);
  const base = (d: Desk, actor: string, actorRole: EventEnvelope['actorRole'] = 'clerk') => ({
    id: newId(),
    actor,
    actorRole,
    device: d.desk.core.deviceId,
    hlc: `${String(Date.now()).padStart(15, '0')}:000000:${d.desk.core.deviceId}`,
    schema: 1,
  });

  /** A branch desk with a manager and a clerk enrolled on it, synced. */
  async function branchDesk(name: string, deskCode: string) {
    const d = await enrolledDesk(name, server.url, await joinCode(server.sql, 'BJ01', deskCode));
    const clerk = ok(d.desk, d.session, 'staff.enrol', { name: `${name} 店员`, role: 'clerk', pin: '1001' });
    expect((await syncNow(d)).ok).toBe(true);
    return { d, clerk };
  }

  it('a clerk cannot act as the manager, claim the manager role, promote herself or replace the manager\'s PIN', async () => {
    const { d, clerk } = await branchDesk('role', 'R1');
    const { id: caseId } = ok(d.desk, d.session, 'case.create', complaint('角色'));
    expect((await syncNow(d)).ok).toBe(true);
    const note = (actor: string, role: EventEnvelope['actorRole']) => ({ ...base(d, actor, role), entity: 'complaint' as const, entityId: caseId, type: 'note_added', payload: { text: '冒名' } });

    // Her own key, the manager's name: the proof does not check out.
    expect(await reasons(d, [provenBy(d, '1001', note(d.staffId, 'manager'), clerk.id)])).toEqual(['actor_unproven']);
    // Her own name, the manager's role: the server knows she is a clerk.
    expect(await reasons(d, [provenBy(d, '1001', note(clerk.id, 'manager'))])).toEqual(['role_mismatch']);
    // Promoting herself, or changing the manager's PIN, needs a manager.
    const promote = { ...base(d, clerk.id), entity: 'staff' as const, entityId: clerk.id, type: 'staff_role_changed', payload: { role: 'manager' } };
    expect(await reasons(d, [provenBy(d, '1001', promote)])).toEqual(['needs_manager']);
    // A credential of her own making, for the manager's account.
    const hers = (d.desk.db.prepare('SELECT credential FROM staff WHERE id = ?').get(clerk.id) as { credential: string }).credential;
    const repin = { ...base(d, clerk.id), entity: 'staff' as const, entityId: d.staffId, type: 'staff_pin_changed', payload: { credential: JSON.parse(hers) as unknown } };
    expect(await reasons(d, [provenBy(d, '1001', repin)])).toEqual(['needs_manager']);
    // The monthly analysis is the manager's to write.
    const report = { ...base(d, clerk.id), entity: 'report' as const, entityId: newId(), type: 'monthly_report_saved', payload: { month: '2026-11', branch: 'BJ01', version: 1, figures: ok(d.desk, d.session, 'reports.get', { month: '2026-11' }), previousTotal: 0, majors: [], actions: '' } };
    expect(await reasons(d, [provenBy(d, '1001', report)])).toEqual(['needs_manager']);
    // The manager's own approval, through the desk, is fine; an event with no proof is not.
    expect(await reasons(d, [{ ...note(d.staffId, 'manager') }])).toEqual(['actor_unproven']);
    expect(await reasons(d, [provenBy(d, '900001', note(d.staffId, 'manager'))])).toEqual([]);
    d.desk.close();
  }, 60_000);

  it('a stolen desk database cannot forge events: a MAC replayed on other content, or a grant of another desk, is refused', async () => {
    const { d } = await branchDesk('stolen', 'S1');
    // Signed in after joining: the session's events carry MACs under a grant sealed to the server.
    const session = ok(d.desk, undefined, 'auth.signIn', { staffId: d.staffId, pin: '900001' }).session;
    const { id: caseId } = ok(d.desk, session, 'case.create', complaint('被盗'));
    ok(d.desk, session, 'case.act', { id: caseId, action: { type: 'note_added', payload: { text: '真的' } } });
    const real = d.desk.db.prepare("SELECT proof FROM events WHERE type = 'note_added' AND origin = 'local'").get() as { proof: string };
    const proof = JSON.parse(real.proof) as { grant: string; mac: string };
    expect(proof.grant).toMatch(/^[0-9a-f-]{36}$/);
    expect((await syncNow(d)).ok).toBe(true);
    const forged = { ...base(d, d.staffId, 'manager'), entity: 'complaint', entityId: caseId, type: 'note_added', payload: { text: '假的' }, proof };
    expect(await reasons(d, [forged])).toEqual(['actor_unproven']);
    const other = await enrolledDesk('thief', server.url, await joinCode(server.sql, 'BJ01', 'S2'));
    expect(await reasons(other, [{ ...forged, device: other.desk.core.deviceId }])).toEqual(['actor_unproven']);
    d.desk.close();
    other.desk.close();
  }, 60_000);

  it('a NUL, a lone surrogate, a 3.9 MB note or 1,000-deep nesting is refused with a reason, and the events behind it still arrive', async () => {
    const { d } = await branchDesk('text', 'T1');
    const { id: caseId } = ok(d.desk, d.session, 'case.create', complaint('文本'));
    expect((await syncNow(d)).ok).toBe(true);
    const note = (payload: unknown) => provenBy(d, '900001', { ...base(d, d.staffId, 'manager'), entity: 'complaint', entityId: caseId, type: 'note_added', payload });
    let deep: unknown = '底';
    for (let i = 0; i < 1_000; i++) deep = { x: deep };
    const bad = [note({ text: 'a\u0000b' }), note({ text: 'x\ud800y' }), note({ text: '长'.repeat(1_300_000) }), note({ text: '正常', extra: deep })];
    const good = note({ text: '正常的备注' });
    const answer = await push(d, [...bad, good]);
    expect(answer.status).toBe(200);
    expect(answer.body.refused.map((r) => r.reason)).toEqual(['invalid_payload', 'invalid_payload', 'invalid_payload', 'invalid_payload']);
    expect(answer.body.accepted).toEqual([good.id]);
    // The desk refuses such text at its own door, so it never blocks its queue in the first place.
    expect(d.desk.dispatch('case.act', { id: caseId, action: { type: 'note_added', payload: { text: 'a\u0000b' } } }, d.session)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', fields: [{ path: 'action.payload.text', code: 'unsafe_text' }] },
    });
    ok(d.desk, d.session, 'case.create', complaint('后来的客户'));
    expect((await syncNow(d)).ok).toBe(true);
    expect(ok(d.desk, d.session, 'sync.status', {})).toMatchObject({ waiting: 0, refused: [] });
    d.desk.close();
  }, 60_000);

  it('a desk 30 days fast, or an event at the largest stamp, cannot drag other desks\' clocks', async () => {
    const fast = await enrolledDesk('fast', server.url, await joinCode(server.sql, 'BJ01', 'F1'), {}, { now: () => Date.now() + 30 * DAY });
    const honest = await enrolledDesk('honest', server.url, await joinCode(server.sql, 'BJ01', 'F2'));
    ok(fast.desk, fast.session, 'case.create', complaint('未来'));
    expect((await syncNow(fast)).ok).toBe(true);
    expect(ok(fast.desk, fast.session, 'sync.status', {}).refused.map((r) => r.reason)).toContain('clock_ahead');
    const maxStamp = provenBy(honest, '900001', { ...base(honest, honest.staffId, 'manager'), hlc: `999999999999999:zzzzzz:${honest.desk.core.deviceId}`, entity: 'customer', entityId: newId(), type: 'customer_registered', payload: { name: '王', phones: ['13800138000'] } });
    expect(await reasons(honest, [maxStamp])).toEqual(['clock_ahead']);
    expect((await syncNow(honest)).ok).toBe(true);
    const { caseNumber, receivedAt } = ok(honest.desk, honest.session, 'case.create', complaint('现在'));
    expect(Math.abs(Date.parse(receivedAt) - Date.now())).toBeLessThan(60_000);
    const latest = honest.desk.db.prepare("SELECT max(hlc) AS hlc FROM events WHERE origin = 'local'").get() as { hlc: string };
    expect(Number(latest.hlc.slice(0, 15))).toBeLessThan(Date.now() + DAY);
    expect(caseNumber).toMatch(/^BJ01-F2-/);
    fast.desk.close();
    honest.desk.close();
  }, 60_000);

  it('a desk has its identity before its first case: a code for another desk is refused, and no number is issued twice', async () => {
    const dir = tempDir('calmdesk-early-');
    const early = openTestDesk(dir);
    const boot = ok(early, undefined, 'staff.bootstrap', { name: '早经理', pin: '900001', branchCode: 'BJ01', deviceCode: 'E1' });
    const first = ok(early, boot.session, 'case.create', complaint('开业第一位'));
    expect(first.caseNumber).toMatch(/^BJ01-E1-\d{8}-0001$/);
    const wrong = await joinCode(server.sql, 'BJ01', 'E2');
    expect(await early.dispatchAsync('sync.enrol', { serverUrl: server.url, code: wrong.code }, boot.session)).toMatchObject({ ok: false, error: { code: 'refused', reason: 'identity_mismatch' } });
    const right = await joinCode(server.sql, 'BJ01', 'E1');
    expect(await early.dispatchAsync('sync.enrol', { serverUrl: server.url, code: right.code }, boot.session)).toMatchObject({ ok: true });
    expect(ok(early, boot.session, 'sync.status', {})).toMatchObject({ waiting: 0, refused: [] });
    // The code for E2 was not used up by the wrong desk; its own desk joins with it.
    const e2 = await enrolledDesk('e2', server.url, wrong);
    expect((await syncNow(e2)).ok).toBe(true);
    // Staff made before joining belong to the desk's own branch.
    expect(ok(e2.desk, e2.session, 'staff.roster', {}).staff.every((s) => s.branch === 'BJ01')).toBe(true);
    // Once joined, the codes stay: numbers already read out never change prefix.
    expect(early.dispatch('settings.set', { deviceCode: 'E9' }, boot.session)).toMatchObject({ ok: false, error: { reason: 'identity_fixed' } });
    // Joining with a desk code another live desk holds is refused with a reason, not a 500.
    const again = await joinCode(server.sql, 'BJ01', 'E1');
    const taken = await fetch(`${server.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: again.code, desk: { deviceId: newId(), branch: 'BJ01', deviceCode: 'E1' }, firstManager: { staffId: newId(), name: '别人', publicKey: 'A'.repeat(60) } }),
    });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ error: 'desk_taken' });
    early.close();
    e2.desk.close();
  }, 60_000);

  it('refuses a case number of another desk\'s prefix, a number already issued, a forged device and SLA data under another id', async () => {
    const { d } = await branchDesk('numbers', 'N1');
    const created = ok(d.desk, d.session, 'case.create', complaint('编号'));
    expect((await syncNow(d)).ok).toBe(true);
    const received = (caseNumber: string) =>
      provenBy(d, '900001', {
        ...base(d, d.staffId, 'manager'),
        entity: 'complaint',
        entityId: newId(),
        type: 'received',
        payload: { ...complaint(), caseNumber, branch: 'BJ01', receivedAt: new Date().toISOString() },
      });
    expect(await reasons(d, [received(created.caseNumber.replace('-N1-', '-N9-'))])).toEqual(['case_number']);
    expect(await reasons(d, [received(created.caseNumber)])).toEqual(['case_number']);
    expect(await reasons(d, [received(created.caseNumber.replace(/-(\d{4})$/, '-0$1'))])).toEqual(['case_number']);
    const forgedDevice = provenBy(d, '900001', { ...base(d, d.staffId, 'manager'), device: newId(), entity: 'customer', entityId: newId(), type: 'customer_registered', payload: { name: '王', phones: ['13800138000'] } });
    expect(await reasons(d, [forgedDevice])).toEqual(['wrong_device']);
    const hours = provenBy(d, '900001', { ...base(d, d.staffId, 'manager'), entity: 'sla', entityId: newId(), type: 'opening_hours_set', payload: { branch: 'BJ01', hours: { timeZone: 'Asia/Shanghai', opensAt: 0, closesAt: 60 } } });
    expect(await reasons(d, [hours])).toEqual(['wrong_entity']);
    // The branch's own hours under the one SLA entity are its to set.
    expect(await reasons(d, [{ ...hours, ...provenBy(d, '900001', { ...hours, entityId: SLA_ENTITY_ID, id: newId() }) }])).toEqual([]);
    d.desk.close();
  }, 60_000);
}

describe('sync server edges', () => {
  it('limits enrolment attempts per address, and ends a revoked device\'s hint stream', async () => {
    const server = await startServer(engines.pglite(), 0, 10);
    try {
      await setUpOrg(server.sql);
      const attempt = () =>
        fetch(`${server.url}/v1/enrol`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: 'guess-' + newId(), desk: { deviceId: newId(), branch: 'BJ01', deviceCode: 'G' }, firstManager: { staffId: newId(), name: '猜', publicKey: 'A'.repeat(60) } }),
        }).then((r) => r.status);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push(await attempt());
      expect(statuses.slice(0, 10).every((s) => s === 403)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
    } finally {
      await server.stop();
    }
    const hintServer = await startServer(engines.pglite());
    try {
      await setUpOrg(hintServer.sql);
      const d = await enrolledDesk('hint', hintServer.url, await joinCode(hintServer.sql, 'BJ01', 'H9'));
      const token = readJson<SyncConfig>(d.desk.db, 'meta', 'sync.config')!.token;
      const stream = await fetch(`${hintServer.url}/v1/hints`, { headers: { authorization: `Bearer ${token}` } });
      const reader = stream.body!.getReader();
      await reader.read();
      const [device] = await hintServer.sql.query<{ id: string }>("SELECT id FROM devices WHERE device_code = 'H9'");
      const { revokeDevice } = await import('../../server/admin.js');
      await revokeDevice(hintServer.sql, device!.id);
      // The next hint finds the device revoked: the stream ends instead of carrying it.
      ok(d.desk, d.session, 'case.create', complaint('撤销后'));
      const other = await enrolledDesk('hint2', hintServer.url, await joinCode(hintServer.sql, 'BJ01', 'H8'));
      ok(other.desk, other.session, 'case.create', complaint('另一台'));
      expect((await syncNow(other)).ok).toBe(true);
      const next = await reader.read();
      expect(next.done).toBe(true);
      d.desk.close();
      other.desk.close();
    } finally {
      await hintServer.stop();
    }
  }, 60_000);
});

describe('sync trust over PGlite', () => suite('pglite'));
describe.skipIf(unavailable !== null)('sync trust over PostgreSQL', () => suite('postgres'));
