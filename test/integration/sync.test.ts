import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids.js';
import { complaint, ok, openTestDesk } from '../fixtures/desk.js';
import { provenBy } from './forge.js';
import { tempDir } from '../fixtures/tempDir.js';
import { revokeDevice } from '../../server/admin.js';
import { readJson, writeJson } from '../../db/localState.js';
import type { Fetch, SyncConfig } from '../../electron/core/syncClient.js';
import {
  complaintsOf,
  projectionHash,
  engineFor,
  enrolledDesk,
  joinCode,
  postgresAvailable,
  setUpOrg,
  startServer,
  syncNow,
  syncUntilKilled,
  type Desk,
  type JoinCode,
  type RunningServer,
} from './syncWorld.js';

const unavailable = await postgresAvailable();
if (unavailable) console.warn(`[sync] SKIPPED the PostgreSQL suite: no server at 127.0.0.1:5432 (${unavailable}); the PGlite suite still runs.`);

const rng = (() => {
  let seed = 7;
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
})();

function suite(engine: 'pglite' | 'postgres') {
  let server: RunningServer;
  let reopen: () => Promise<RunningServer>;
  let codes: Record<string, JoinCode>;
  let drop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const { open, drop: dropDb } = await engineFor(engine);
    drop = dropDb;
    server = await startServer(open);
    reopen = () => startServer(open, Number(new URL(server.url).port));
    codes = await setUpOrg(server.sql);
  }, 60_000);

  afterAll(async () => {
    await server.stop();
    await drop();
  });

  it('converges: three desks in two branches plus HQ, offline periods, duplicates, a restart in the middle', async () => {
    const bjA = await enrolledDesk('bjA', server.url, codes.bjA!);
    const bjB = await enrolledDesk('bjB', server.url, codes.bjB!);
    const shA = await enrolledDesk('shA', server.url, codes.shA!);
    const hq = await enrolledDesk('hq', server.url, codes.hq!);
    const branchDesks = [bjA, bjB, shA];
    expect(ok(bjB.desk, undefined, 'settings.get', {})).toMatchObject({ branchCode: 'BJ01', deviceCode: 'B' });

    const work = (d: Desk, i: number) => {
      const created = ok(d.desk, d.session, 'case.create', complaint(`${d.name}客户${i}`, `${d.name} 的第 ${i} 件投诉`, `1380000${String(i).padStart(4, '0')}`));
      if (i % 2) ok(d.desk, d.session, 'case.act', { id: created.id, action: { type: 'note_added', payload: { text: `跟进 ${i}` } } });
    };
    // Random offline periods: each round some desks work without syncing, the others sync.
    for (let round = 0; round < 6; round++) {
      for (const d of branchDesks) if (rng() < 0.7) work(d, round);
      for (const d of [...branchDesks, hq]) if (rng() < 0.5) expect(await syncNow(d)).toMatchObject({ ok: true });
      if (round === 2) {
        // Duplicated delivery: one desk forgets what it pushed and sends it all again.
        writeJson(bjA.desk.db, 'meta', 'sync.pushedSeq', 0);
        // The server restarts while a desk is mid-work: the push fails, nothing is lost.
        await server.stop();
        work(bjB, 99);
        const failed = await syncNow(bjB);
        expect(failed).toMatchObject({ ok: false, error: { code: 'offline' } });
        server = await reopen();
      }
    }
    for (let pass = 0; pass < 2; pass++) for (const d of [...branchDesks, hq]) expect((await syncNow(d)).ok).toBe(true);

    const bj = complaintsOf(bjA);
    expect(complaintsOf(bjB)).toEqual(bj);
    // The same events, and the same projections (compared by hash, as a replica would be audited).
    const eventIds = (d: Desk) => (d.desk.db.prepare('SELECT id FROM events ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
    expect(eventIds(bjB)).toEqual(eventIds(bjA));
    expect(projectionHash(bjB)).toBe(projectionHash(bjA));
    expect((bj as Array<{ branch: string }>).every((c) => c.branch === 'BJ01')).toBe(true);
    expect((complaintsOf(shA) as Array<{ branch: string }>).every((c) => c.branch === 'SH02')).toBe(true);
    const all = complaintsOf(hq) as Array<{ branch: string }>;
    expect(all.filter((c) => c.branch === 'BJ01')).toEqual(bj);
    expect(all.filter((c) => c.branch === 'SH02')).toEqual(complaintsOf(shA));
    // Nothing acknowledged is missing: every event a branch desk made is on the server.
    for (const d of branchDesks) {
      const local = (d.desk.db.prepare("SELECT id FROM events WHERE origin = 'local'").all() as Array<{ id: string }>).map((r) => r.id);
      const stored = await server.sql.query<{ id: string }>('SELECT id FROM events WHERE id = ANY($1::uuid[])', [local]);
      expect(stored.length).toBe(local.length);
      expect((await syncNow(d)).ok && ok(d.desk, d.session, 'sync.status', {}).waiting).toBe(0);
    }
    for (const d of [...branchDesks, hq]) d.desk.close();
  }, 120_000);

  it('a desk killed (SIGKILL) in the middle of a pull resumes where it stopped, without gaps or repeats', async () => {
        const writer = await enrolledDesk('writer', server.url, await joinCode(server.sql, 'BJ01', 'W'));
    for (let i = 0; i < 40; i++) ok(writer.desk, writer.session, 'case.create', complaint(`客户${i}`, `投诉 ${i}`, `1390000${String(i).padStart(4, '0')}`));
    expect((await syncNow(writer)).ok).toBe(true);
    const reader = await enrolledDesk('reader', server.url, await joinCode(server.sql, 'BJ01', 'R'));
    const readerDir = reader.desk.db.name.replace(/\/calmdesk\.sqlite$/, '');
    reader.desk.close();

    // The child pulls five events a page; it is killed as soon as two pages are stored.
    await syncUntilKilled(readerDir, /PAGE 2 /);

    const resumed = openTestDesk(readerDir);
    const again = { ...reader, desk: resumed, session: ok(resumed, undefined, 'auth.signIn', { staffId: reader.staffId, pin: '900001' }).session };
    const partial = (resumed.db.prepare("SELECT count(*) AS n FROM events WHERE origin = 'server'").get() as { n: number }).n;
    expect(partial).toBeGreaterThanOrEqual(10);
    expect((await syncNow(again)).ok).toBe(true);
    const ids = (resumed.db.prepare("SELECT id FROM events WHERE entity = 'complaint'").all() as Array<{ id: string }>).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await syncNow(writer)).ok).toBe(true);
    expect(complaintsOf(again)).toEqual(complaintsOf(writer));
    writer.desk.close();
    resumed.close();
  }, 60_000);

  it('asks for the next pull page while it stores one, and a page that fails to arrive is asked for again, never skipped', async () => {
    const writer = await enrolledDesk('pager', server.url, await joinCode(server.sql, 'BJ01', 'PG'));
    for (let i = 0; i < 20; i++) ok(writer.desk, writer.session, 'case.create', complaint(`翻页${i}`, `投诉 ${i}`, `1370000${String(i).padStart(4, '0')}`));
    expect((await syncNow(writer)).ok).toBe(true);
    const steps: string[] = [];
    let failPull = 0;
    const fetchLogged: Fetch = async (url, init) => {
      const after = /\/pull\?after=(\d+)/.exec(url)?.[1];
      if (after !== undefined) {
        steps.push(`ask ${after}`);
        if (--failPull === 0) throw new TypeError('fetch failed');
      }
      return fetch(url, init as RequestInit) as ReturnType<Fetch>;
    };
    const reader = await enrolledDesk('pageReader', server.url, await joinCode(server.sql, 'BJ01', 'PR'), { fetch: fetchLogged, pullPage: 5, onPulledPage: () => steps.push('stored') });
    // Its first sync (the enrolment's) pulled page after page: each next page asked for before the one before was stored.
    const firstStored = steps.indexOf('stored');
    expect(firstStored).toBeGreaterThan(1);
    expect(steps.slice(0, 2).every((s) => s.startsWith('ask '))).toBe(true);

    // More cases; this time the third page asked for never arrives.
    for (let i = 20; i < 40; i++) ok(writer.desk, writer.session, 'case.create', complaint(`翻页${i}`, `投诉 ${i}`, `1370000${String(i).padStart(4, '0')}`));
    expect((await syncNow(writer)).ok).toBe(true);
    steps.length = 0;
    failPull = 3;
    expect((await syncNow(reader)).ok).toBe(false);
    // Two pages stored, and the cursor stands after the second: the failed page is where the next sync starts.
    expect(steps.filter((s) => s === 'stored')).toHaveLength(2);
    const cursor = readJson<number>(reader.desk.db, 'meta', 'sync.cursor');
    steps.length = 0;
    expect((await syncNow(reader)).ok).toBe(true);
    expect(steps[0]).toBe(`ask ${cursor}`);
    const ids = (reader.desk.db.prepare("SELECT id FROM events WHERE entity = 'complaint'").all() as Array<{ id: string }>).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(complaintsOf(reader)).toEqual(complaintsOf(writer));
    writer.desk.close();
    reader.desk.close();
  }, 60_000);

  it('tells the screens of another desk which cases a pull changed, so an open case refreshes', async () => {
        const a = await enrolledDesk('noticeA', server.url, await joinCode(server.sql, 'BJ01', 'NA'));
    const b = await enrolledDesk('noticeB', server.url, await joinCode(server.sql, 'BJ01', 'NB'));
    const { id } = ok(a.desk, a.session, 'case.create', complaint('通知测试'));
    expect((await syncNow(a)).ok).toBe(true);
    const pushed: Array<[string, unknown]> = [];
    b.desk.core.subscribe((event, payload) => pushed.push([event, payload]));
    expect((await syncNow(b)).ok).toBe(true);
    expect(pushed).toContainEqual(['case.changed', { id }]);
    expect(pushed.findIndex(([event]) => event === 'sync.done')).toBeGreaterThan(pushed.findIndex(([event]) => event === 'case.changed'));
    a.desk.close();
    b.desk.close();
  }, 60_000);

  it('central staff accounts: argon2 on the server, sign-in against it, and offline sign-in with the synced hash', async () => {
    const { addStaff } = await import('../../server/admin.js');
    const id = await addStaff(server.sql, 'BJ01', '周强', 'clerk', 'correct horse 7');
    const [stored] = await server.sql.query<{ password_hash: string }>('SELECT password_hash FROM staff WHERE id = $1', [id]);
    expect(stored!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const bj = await enrolledDesk('staffbj', server.url, await joinCode(server.sql, 'BJ01', 'T'));
    const sh = await enrolledDesk('staffsh', server.url, await joinCode(server.sql, 'SH02', 'T'));
    for (const d of [bj, sh]) expect((await syncNow(d)).ok).toBe(true);
    expect(ok(bj.desk, undefined, 'staff.roster', {}).staff.map((s) => s.name)).toContain('周强');
    expect(ok(sh.desk, undefined, 'staff.roster', {}).staff.map((s) => s.name)).not.toContain('周强');

    const signIn = (password: string) => bj.desk.dispatchAsync('auth.signIn', { staffId: id, pin: password });
    expect(await signIn('wrong password')).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
    const online = await signIn('correct horse 7');
    expect(online).toMatchObject({ ok: true, value: { staff: { name: '周强', role: 'clerk' } } });
    await server.stop();
    expect(await signIn('correct horse 7')).toMatchObject({ ok: true });
    expect(await signIn('wrong password')).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
    server = await reopen();
    bj.desk.close();
    sh.desk.close();
  }, 60_000);

  it('a push whose answer is lost (server restarted mid-push) is sent again and stored once', async () => {
        let dropNextPushAnswer = false;
    const flaky: import('../../electron/core/syncClient.js').Fetch = async (url, init) => {
      const response = await fetch(url, init);
      if (dropNextPushAnswer && url.endsWith('/v1/push')) {
        dropNextPushAnswer = false;
        // The server committed the batch, then the connection died before the desk heard back.
        await server.stop();
        server = await reopen();
        throw new TypeError('fetch failed');
      }
      return response;
    };
    const desk = await enrolledDesk('flaky', server.url, await joinCode(server.sql, 'BJ01', 'K'), { fetch: flaky });
    const made = Array.from({ length: 5 }, (_, i) => ok(desk.desk, desk.session, 'case.create', complaint(`客户${i}`, `断线 ${i}`, `1370000${i}`)).id);
    dropNextPushAnswer = true;
    expect(await syncNow(desk)).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(ok(desk.desk, desk.session, 'sync.status', {}).waiting).toBeGreaterThan(0);
    expect((await syncNow(desk)).ok).toBe(true);
    expect(ok(desk.desk, desk.session, 'sync.status', {}).waiting).toBe(0);
    const stored = await server.sql.query<{ entity_id: string; n: string }>(
      "SELECT entity_id, count(*) AS n FROM events WHERE type = 'received' AND entity_id = ANY($1::uuid[]) GROUP BY entity_id",
      [made],
    );
    expect(stored.map((r) => Number(r.n))).toEqual([1, 1, 1, 1, 1]);
    desk.desk.close();
  }, 60_000);

  it("does not send a desk its own events back, yet a desk restored from a copy made before a push gets that push's events again", async () => {
    const pulled: Array<{ device: string; type: string }> = [];
    const watching: import('../../electron/core/syncClient.js').Fetch = async (url, init) => {
      const response = await fetch(url, init);
      if (url.includes('/v1/pull?')) pulled.push(...((await response.clone().json()) as { events: Array<{ device: string; type: string }> }).events);
      return response;
    };
    const a = await enrolledDesk('ownA', server.url, await joinCode(server.sql, 'BJ01', 'OA'), { fetch: watching });
    const b = await enrolledDesk('ownB', server.url, await joinCode(server.sql, 'BJ01', 'OB'));
    for (let i = 0; i < 3; i++) ok(a.desk, a.session, 'case.create', complaint(`自己${i}`, `本台受理 ${i}`, `1360000${i}`));
    ok(b.desk, b.session, 'case.create', complaint('别台', '另一台受理的投诉', '13611110000'));
    expect((await syncNow(b)).ok).toBe(true);
    expect((await syncNow(a)).ok).toBe(true);
    expect((await syncNow(a)).ok).toBe(true);
    const own = a.desk.core.deviceId;
    expect(pulled.filter((e) => e.device === b.desk.core.deviceId && e.type === 'received').length).toBe(1);
    expect(pulled.filter((e) => e.device === own)).toEqual([]);
    expect((await syncNow(b)).ok).toBe(true);
    expect(complaintsOf(a)).toEqual(complaintsOf(b));

    // The copy is taken after that sync; the desk then takes one more case and pushes it.
    const aDir = a.desk.db.name.replace(/\/calmdesk\.sqlite$/, '');
    a.desk.close();
    const copyDir = tempDir('calmdesk-ownA-copy-');
    copyFileSync(join(aDir, 'calmdesk.sqlite'), join(copyDir, 'calmdesk.sqlite'));
    const signedIn = (desk: ReturnType<typeof openTestDesk>) => ({ ...a, desk, session: ok(desk, undefined, 'auth.signIn', { staffId: a.staffId, pin: '900001' }).session });
    const later = signedIn(openTestDesk(aDir));
    const { id } = ok(later.desk, later.session, 'case.create', complaint('备份之后', '备份之后受理的投诉', '13622220000'));
    expect((await syncNow(later)).ok).toBe(true);
    const expected = complaintsOf(later);
    later.desk.close();

    const restored = signedIn(openTestDesk(copyDir));
    expect(complaintsOf(restored).map((c) => (c as { id: string }).id)).not.toContain(id);
    expect((await syncNow(restored)).ok).toBe(true);
    expect(complaintsOf(restored)).toEqual(expected);
    restored.desk.close();
    b.desk.close();
  }, 60_000);

  it('publishes HQ reference data to every branch through the same pull, taking effect without a restart', async () => {
        const hq = await enrolledDesk('refhq', server.url, await joinCode(server.sql, 'HQ', 'R', 'hq'));
    const bj = await enrolledDesk('refbj', server.url, await joinCode(server.sql, 'BJ01', 'F'));
    const visit = ok(hq.desk, hq.session, 'library.get', {}).answers.find((a) => a.id === 'repair-visit')!;
    const { version: _v, ...answer } = visit;
    ok(hq.desk, hq.session, 'library.publishAnswer', { answer: { ...answer, body: { ...answer.body, 'zh-CN': '总部统一口径：1 小时内确认上门时间。' } } });
    ok(hq.desk, hq.session, 'sla.publishCalendarYear', { year: { year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'HQ' } });
    expect((await syncNow(hq)).ok).toBe(true);
    expect(ok(hq.desk, hq.session, 'sync.status', {}).refused).toEqual([]);
    expect((await syncNow(bj)).ok).toBe(true);
    expect(ok(bj.desk, bj.session, 'library.get', {}).answers.find((a) => a.id === 'repair-visit')).toMatchObject({ version: 2, body: { 'zh-CN': '总部统一口径：1 小时内确认上门时间。' } });
    expect(ok(bj.desk, bj.session, 'sla.get', {}).years.map((y) => y.year)).toContain(2027);
    // A branch desk's own publication is reference data it may not push: refused, with the reason, and kept locally.
    // Its own opening hours are the branch's to set, and go through.
    ok(bj.desk, bj.session, 'library.publishAnswer', { answer });
    ok(bj.desk, bj.session, 'sla.setHours', { hours: { timeZone: 'Asia/Shanghai', opensAt: 8 * 60, closesAt: 18 * 60 } });
    expect((await syncNow(bj)).ok).toBe(true);
    expect(ok(bj.desk, bj.session, 'sync.status', {}).refused).toEqual([{ eventId: expect.any(String), type: 'answer_published', reason: 'reference_data_needs_hq' }]);
    hq.desk.close();
    bj.desk.close();
  }, 60_000);

  it('hints "there is more" over server-sent events, and rate-limits a runaway device', async () => {
        const a = await enrolledDesk('hinta', server.url, await joinCode(server.sql, 'BJ01', 'H'));
    const token = readJson<SyncConfig>(a.desk.db, 'meta', 'sync.config')!.token;
    const controller = new AbortController();
    const hints = await fetch(`${server.url}/v1/hints`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    const reader = hints.body!.getReader();
    await reader.read();
    ok(a.desk, a.session, 'case.create', complaint());
    expect((await syncNow(a)).ok).toBe(true);
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: more');
    controller.abort();
    const statuses = await Promise.all(Array.from({ length: 80 }, () => fetch(`${server.url}/v1/pull?after=999999`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status)));
    expect(statuses).toContain(429);
    expect(statuses).toContain(200);
    a.desk.close();
  }, 60_000);

  describe('security', () => {
    const push = (token: string | null, body: unknown) =>
      fetch(`${server.url}/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    it('refuses other branches, unknown actors, reference data from a branch, forged and revoked tokens, malformed and oversized batches', async () => {
      const bj = await enrolledDesk('secbj', server.url, await joinCode(server.sql, 'BJ01', 'S'));
      const sh = await enrolledDesk('secsh', server.url, await joinCode(server.sql, 'SH02', 'S'));
      const bjCase = ok(bj.desk, bj.session, 'case.create', complaint());
      expect((await syncNow(bj)).ok).toBe(true);
      expect((await syncNow(sh)).ok).toBe(true);
      const shToken = readJson<SyncConfig>(sh.desk.db, 'meta', 'sync.config')!.token;
      const base = { entity: 'complaint' as const, actorRole: 'manager' as const, device: sh.desk.core.deviceId, hlc: '001795380090823:000000:x', schema: 1 };

      const otherBranch = await (await push(shToken, { events: [{ ...base, id: newId(), entityId: bjCase.id, type: 'note_added', payload: { text: '越权' }, actor: sh.staffId }] })).json();
      expect(otherBranch.refused).toEqual([{ id: expect.any(String), reason: 'other_branch' }]);
      const claimed = await (await push(shToken, { events: [{ ...base, id: newId(), entityId: newId(), type: 'received', payload: { ...complaint(), caseNumber: 'SH02-S-20261123-0001', branch: 'SH02', receivedAt: new Date().toISOString() }, actor: newId() }] })).json();
      expect(claimed.refused[0].reason).toBe('actor_not_staff');
      const reference = await (await push(shToken, { events: [{ ...base, id: newId(), entity: 'library', entityId: '00000000-0000-7000-8000-00000000c0de', type: 'answer_published', payload: {}, actor: sh.staffId }] })).json();
      expect(reference.refused[0].reason).toBe('reference_data_needs_hq');

      // A newer app's event type is kept, not rejected: an older desk simply shows it as unknown.
      const future = { ...base, id: newId(), entityId: newId(), type: 'satisfaction_surveyed', schema: 2, payload: { score: 5 }, actor: sh.staffId, entity: 'customer' as const };
      const newer = await (await push(shToken, { events: [provenBy(sh, '900001', future)] })).json();
      expect(newer).toMatchObject({ accepted: [expect.any(String)], refused: [] });

      expect((await push('forged-token', { events: [] })).status).toBe(401);
      expect((await push(null, { events: [] })).status).toBe(401);
      expect((await push(shToken, '{"events": [')).status).toBe(400);
      expect((await push(shToken, { events: [{ nonsense: true }] })).status).toBe(400);
      const tooMany = Array.from({ length: 501 }, () => ({ ...base, id: newId(), entityId: newId(), type: 'note_added', payload: { text: 'x' }, actor: sh.staffId }));
      expect((await push(shToken, { events: tooMany })).status).toBe(413);

      // An expired token is refused; so is a revoked one.
      const bjToken = readJson<SyncConfig>(bj.desk.db, 'meta', 'sync.config')!.token;
      await server.sql.query("UPDATE devices SET expires_at = now() - interval '1 day' WHERE branch = 'BJ01' AND device_code = 'S'");
      expect((await fetch(`${server.url}/v1/pull?after=0`, { headers: { authorization: `Bearer ${bjToken}` } })).status).toBe(401);
      const [device] = await server.sql.query<{ id: string }>("SELECT id FROM devices WHERE branch = 'SH02' AND device_code = 'S'");
      await revokeDevice(server.sql, device!.id);
      expect((await push(shToken, { events: [] })).status).toBe(401);
      expect(await syncNow(sh)).toMatchObject({ ok: false, error: { code: 'offline' } });
      expect(await server.sql.query("SELECT id FROM events WHERE payload->>'text' = '越权'")).toEqual([]);
      bj.desk.close();
      sh.desk.close();
    }, 60_000);
  });
}

describe('sync over PGlite', () => suite('pglite'));
// Skipped only where no PostgreSQL server answers at 127.0.0.1:5432; the warning above says so. CI starts one.
describe.skipIf(unavailable !== null)('sync over PostgreSQL', () => suite('postgres'));
