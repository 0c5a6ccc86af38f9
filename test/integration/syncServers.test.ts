import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { newId } from '../../shared/ids.js';
import { readJson, writeJson } from '../../db/localState.js';
import { postgresSql, type Sql } from '../../server/sql.js';
import type { SyncConfig } from '../../electron/core/syncClient.js';
import { complaint, ok } from '../fixtures/desk.js';
import { complaintsOf, enrolledDesk, freshPostgres, POSTGRES_URL, postgresAvailable, projectionHash, serverProcess, setUpOrg, syncNow, type Desk } from './syncWorld.js';

const unavailable = await postgresAvailable();
if (unavailable) console.warn(`[sync servers] SKIPPED: two server processes need PostgreSQL at 127.0.0.1:5432 (${unavailable}).`);

/** Points the desk's sync at another server process (as a load balancer would route its next request). */
function routeTo(d: Desk, url: string): void {
  writeJson(d.desk.db, 'meta', 'sync.config', { ...readJson<SyncConfig>(d.desk.db, 'meta', 'sync.config')!, serverUrl: url });
}

/** Requests per second from one desk in these server processes. */
const DEVICE_RATE = 20;

const tokenOf = (d: Desk) => readJson<SyncConfig>(d.desk.db, 'meta', 'sync.config')!.token;

describe.skipIf(unavailable !== null)('two sync server processes on one PostgreSQL', () => {
  let servers: Array<{ url: string; process: ChildProcess }> = [];
  let admin: Sql;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await freshPostgres();
    drop = db.drop;
    // Both start at once on an empty database: the migrations must take turns.
    // A small per-desk limit, so a short burst crosses it for certain within one window.
    const start = () => serverProcess({ DATABASE_URL: db.url }, ['--device-rate', String(DEVICE_RATE)]);
    servers = await Promise.all([start(), start()]);
    admin = postgresSql(db.url);
  }, 60_000);

  afterAll(async () => {
    for (const s of servers) s.process.kill('SIGKILL');
    await Promise.all(servers.map((s) => new Promise((resolve) => (s.process.exitCode === null ? s.process.once('exit', resolve) : resolve(null)))));
    await admin?.close();
    await drop?.();
  });

  it('keeps serving when the database ends its idle connections (a restart, a failover)', async () => {
    await Promise.all([admin.query('SELECT 1'), admin.query('SELECT 2'), admin.query('SELECT 3')]);
    const { name } = (await admin.query<{ name: string }>('SELECT current_database() AS name'))[0]!;
    const killer = postgresSql(POSTGRES_URL);
    const { ended } = (await killer.query<{ ended: string }>('SELECT count(pg_terminate_backend(pid)) AS ended FROM pg_stat_activity WHERE datname = $1', [name]))[0]!;
    await killer.close();
    expect(Number(ended)).toBeGreaterThanOrEqual(3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await admin.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    // The server processes lost their connections too, and answer.
    for (const s of servers) expect((await fetch(`${s.url}/v1/health`)).status).toBe(200);
  });

  it('converges with desks talking to both in turn, hints across processes, and limits counted once for all', async () => {
    const [one, two] = [servers[0]!, servers[1]!];
    const codes = await setUpOrg(admin);
    const a = await enrolledDesk('twoA', one.url, codes.bjA!);
    const b = await enrolledDesk('twoB', two.url, codes.bjB!);
    const hq = await enrolledDesk('twoHQ', one.url, codes.hq!);

    // B listens for hints on the second process; A pushes through the first.
    const controller = new AbortController();
    const hints = (await fetch(`${two.url}/v1/hints`, { headers: { authorization: `Bearer ${tokenOf(b)}` }, signal: controller.signal })).body!.getReader();
    await hints.read();
    ok(a.desk, a.session, 'case.create', complaint('两台甲', '热水器漏水，经过第一台服务器'));
    expect((await syncNow(a)).ok).toBe(true);
    const heard = await Promise.race([hints.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000))]);
    expect(heard && new TextDecoder().decode(heard.value)).toContain('event: more');
    controller.abort();

    // Every desk alternates between the processes, each round writing and syncing.
    const desks = [a, b, hq];
    for (let round = 0; round < 4; round++) {
      for (const [i, d] of desks.entries()) {
        routeTo(d, servers[(round + i) % 2]!.url);
        ok(d.desk, d.session, 'case.create', complaint(`${d.name}客户${round}`, `第 ${round} 轮的投诉`, `1390000${round}${i}00`));
        expect((await syncNow(d)).ok).toBe(true);
      }
    }
    for (const d of desks) {
      routeTo(d, servers[desks.indexOf(d) % 2]!.url);
      expect((await syncNow(d)).ok).toBe(true);
    }
    expect(projectionHash(b)).toBe(projectionHash(a));
    expect(complaintsOf(a)).toHaveLength(1 + 4 * 2);
    // HQ holds both branch desks' cases exactly as they do, and its own.
    const atHq = complaintsOf(hq) as Array<{ branch: string }>;
    expect(atHq).toHaveLength(1 + 4 * 3);
    expect(atHq.filter((c) => c.branch === 'BJ01')).toEqual(complaintsOf(a));

    // One device's requests split across both processes: the per-device limit counts them together;
    // each process alone sees fewer than the limit. After a quiet second, so no window of the syncs above is still open.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const statuses = await Promise.all(
      Array.from({ length: DEVICE_RATE + DEVICE_RATE / 2 }, (_, i) => fetch(`${servers[i % 2]!.url}/v1/pull?after=999999`, { headers: { authorization: `Bearer ${tokenOf(a)}` } }).then((r) => r.status)),
    );
    expect(statuses).toContain(200);
    expect(statuses).toContain(429);

    // Enrolment guesses from one address, alternating processes: ten a minute in all (three desks enrolled above).
    const guess = (url: string) =>
      fetch(`${url}/v1/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'guess-' + newId(), desk: { deviceId: newId(), branch: 'BJ01', deviceCode: 'G' }, firstManager: { staffId: newId(), name: '猜', publicKey: 'A'.repeat(60) } }),
      });
    const guesses: number[] = [];
    for (let i = 0; i < 9; i++) guesses.push((await guess(servers[i % 2]!.url)).status);
    expect(guesses.slice(0, 7).every((s) => s === 403)).toBe(true);
    expect(guesses.slice(7)).toEqual([429, 429]);
    const refused = await guess(one.url);
    expect(await refused.json()).toMatchObject({ error: 'rate_limited' });
    for (const d of desks) d.desk.close();
  }, 120_000);
});
