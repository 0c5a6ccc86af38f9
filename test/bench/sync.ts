/**
 * `npm run bench:sync`: 100,000 events from desk A through the server to desk B, on PGlite and on
 * PostgreSQL, beside the raw insert rate of the same database in the same run (the ratio counts),
 * and the time of a new desk's first full pull of a branch with that many events.
 */
import { performance } from 'node:perf_hooks';
import { get } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import { MAX_PULL_EVENTS, MAX_PUSH_EVENTS as PUSH_BATCH } from '../../shared/sync.js';
import { recordEvents } from '../../db/eventStore.js';
import { formatHlc } from '../../shared/hlc.js';
import { newId } from '../../shared/ids.js';
import type { EventEnvelope } from '../../shared/events.js';
import type { Sql } from '../../server/sql.js';
import { readJson } from '../../db/localState.js';
import { staffById } from '../../db/referenceQueries.js';
import { saveGrant } from '../../db/syncQueries.js';
import type { SyncConfig } from '../../electron/core/syncClient.js';
import { macOf, macValid, openGrant, sealGrant, unlockCredential } from '../../keys/actorKeys.js';
import { migrate, serverKeys } from '../../server/schema.js';
import { engines, enrolledDesk, freshPostgres, postgresAvailable, serverProcess, setUpOrg, startServer, syncNow, type Desk } from '../integration/syncWorld.js';
import { pgliteSql } from '../../server/sql.js';
import { tempDir } from '../fixtures/tempDir.js';
import { buildServerBundle } from '../../scripts/buildServer.js';
import { readFileSync } from 'node:fs';
import type { SessionGrant } from '../../shared/proof.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);

async function rawInsertRate(sql: Sql): Promise<number> {
  await sql.query('CREATE TEMP TABLE raw_events (id UUID PRIMARY KEY, entity TEXT, entity_id UUID, type TEXT, payload JSONB, hlc TEXT)');
  const started = performance.now();
  await sql.transaction(async (tx) => {
    for (let done = 0; done < EVENTS; done += 1_000) {
      const n = Math.min(1_000, EVENTS - done);
      const ids = Array.from({ length: n }, () => newId());
      await tx.query(
        `INSERT INTO raw_events SELECT u.id, 'complaint', u.id, 'received', '{"text":"热水器漏水"}'::jsonb, '001795380090823:000000:bench'
         FROM unnest($1::uuid[]) AS u(id)`,
        [ids],
      );
    }
  });
  return EVENTS / ((performance.now() - started) / 1000);
}

/**
 * Desk A's log: one case per event, written through the real write path in batches, each proven
 * the way the desk proves it: a MAC under the manager's session grant, sealed to the server.
 */
function fillDesk(a: Desk, count: number): { events: EventEnvelope[]; grant: SessionGrant } {
  const staff = a.staffId;
  const device = a.desk.core.deviceId;
  const privateKey = unlockCredential('900001', staffById(a.desk.db, staff)!.credential!)!;
  const serverKey = readJson<SyncConfig>(a.desk.db, 'meta', 'sync.config')!.serverKey;
  const { grant, key } = sealGrant(staff, device, privateKey, serverKey, Date.now());
  saveGrant(a.desk.db, grant);
  const all: EventEnvelope[] = [];
  for (let done = 0; done < count; done += 2_000) {
    const batch: EventEnvelope[] = [];
    for (let i = done; i < Math.min(count, done + 2_000); i++) {
      const at = Date.parse('2026-03-02T02:00:00Z') + i * 1_000;
      batch.push({
        id: newId(),
        entity: 'complaint',
        entityId: newId(),
        type: 'received',
        payload: { customer: { name: `客户${i}`, phone: '13800138000' }, channel: 'phone', description: '热水器漏水', expectation: '', caseNumber: `BJ01-A-20260302-${String(i + 1).padStart(6, '0')}`, branch: 'BJ01', receivedAt: new Date(at).toISOString(), customerId: null, repeatOf: [], guidance: null, policyVersion: 1 },
        actor: staff,
        actorRole: 'manager',
        device,
        hlc: formatHlc({ wallMs: at, counter: 0, node: device }),
        schema: 1,
      });
    }
    for (const event of batch) event.proof = { grant: grant.id, mac: macOf(key, event) };
    recordEvents(a.desk.db, batch);
    all.push(...batch);
  }
  return { events: all, grant };
}

async function run(engine: string, open: () => Promise<Sql>): Promise<void> {
  const server = await startServer(open);
  const codes = await setUpOrg(server.sql);
  const a = await enrolledDesk('benchA', server.url, codes.bjA!);
  const { events: all, grant } = fillDesk(a, EVENTS);
  let started = performance.now();
  const pushed = await syncNow(a);
  if (!pushed.ok) throw new Error(JSON.stringify(pushed));
  const pushSeconds = (performance.now() - started) / 1000;
  // Joining runs the new desk's first sync: its full pull of the branch is most of this time.
  started = performance.now();
  const b = await enrolledDesk('benchB', server.url, codes.bjB!);
  const pullSeconds = (performance.now() - started) / 1000;
  const cases = (b.desk.db.prepare('SELECT count(*) AS n FROM complaints').get() as { n: number }).n;
  const raw = await rawInsertRate(server.sql);
  // What proving the actors costs the server: one grant opened, then one MAC checked per event.
  const { privateKey: serverPrivate } = await serverKeys(server.sql);
  started = performance.now();
  const opened = openGrant(grant, serverPrivate)!;
  let valid = 0;
  for (const event of all) if (event.proof && 'mac' in event.proof && macValid(opened, event, event.proof.mac)) valid += 1;
  const proofSeconds = (performance.now() - started) / 1000;
  if (valid !== EVENTS) throw new Error('a proof did not verify');
  const rate = EVENTS / (pushSeconds + pullSeconds);
  console.log(
    `${engine}: ${EVENTS.toLocaleString('en')} events A → server → B in ${(pushSeconds + pullSeconds).toFixed(1)} s = ${Math.round(rate).toLocaleString('en')} events/s ` +
      `(push ${pushSeconds.toFixed(1)} s, B's first full pull ${pullSeconds.toFixed(1)} s, ${cases.toLocaleString('en')} cases on B); ` +
      `raw insert ${Math.round(raw).toLocaleString('en')} rows/s; ratio ${(rate / raw).toFixed(3)}; ` +
      `checking the ${EVENTS.toLocaleString('en')} proofs alone takes ${proofSeconds.toFixed(2)} s = ${((proofSeconds / pushSeconds) * 100).toFixed(1)} % of the push`,
  );
  console.log(`${engine}: ${await wireBytes(server.url, readJson<SyncConfig>(b.desk.db, 'meta', 'sync.config')!.token, all)}`);
  a.desk.close();
  b.desk.close();
  await server.stop();
}

/** Bytes per event on the wire: one pull page as the server sends it, gzipped and not; one push batch as the desk sends it. */
async function wireBytes(serverUrl: string, token: string, events: EventEnvelope[]): Promise<string> {
  const page = async (encoding: string) => {
    const response = await new Promise<{ bytes: number; body: Buffer; gzipped: boolean }>((resolve, reject) => {
      const chunks: Buffer[] = [];
      get(`${serverUrl}/v1/pull?after=0&limit=${MAX_PULL_EVENTS}`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': encoding } }, (res) => {
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ bytes: chunks.reduce((n, c) => n + c.length, 0), body: Buffer.concat(chunks), gzipped: res.headers['content-encoding'] === 'gzip' }));
      }).on('error', reject);
    });
    const json = response.gzipped ? gunzipSync(response.body).toString('utf8') : response.body.toString('utf8');
    return response.bytes / (JSON.parse(json) as { events: unknown[] }).events.length;
  };
  const plain = await page('identity');
  const gzipped = await page('gzip');
  const batch = JSON.stringify({ events: events.slice(0, PUSH_BATCH), grants: [] });
  const push = gzipSync(batch).length / Math.min(PUSH_BATCH, events.length);
  return `bytes per event on the wire: pull ${plain.toFixed(0)} B plain, ${gzipped.toFixed(0)} B gzipped; push ${(Buffer.byteLength(batch) / Math.min(PUSH_BATCH, events.length)).toFixed(0)} B plain, ${push.toFixed(0)} B gzipped`;
}

/** Resident and peak resident memory of a process, from the kernel's own accounting. */
function memoryOf(pid: number): string {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mib = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024);
  return `${mib('VmRSS')} MiB resident (peak ${mib('VmHWM')} MiB)`;
}

/** Every page of the branch, as a new desk pulls it, gzipped; the answers are read and dropped. */
async function fullPull(serverUrl: string, token: string): Promise<number> {
  let after = 0;
  let events = 0;
  for (;;) {
    const response = await fetch(`${serverUrl}/v1/pull?after=${after}`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } });
    if (response.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      continue;
    }
    const page = (await response.json()) as { events: unknown[]; next: number; more: boolean };
    events += page.events.length;
    after = page.next;
    if (!page.more) return events;
  }
}

/** The server as its own process on PGlite, as `npm run server` runs it: its memory after a big push and 15 full pulls. */
async function serverMemory(): Promise<void> {
  const dir = tempDir('calmdesk-pglite-');
  const setup = await pgliteSql(dir);
  await migrate(setup);
  const codes = await setUpOrg(setup);
  await setup.close();
  const server = await serverProcess({}, ['--data-dir', dir]);
  const pid = server.process.pid!;
  try {
    const listening = memoryOf(pid);
    const a = await enrolledDesk('benchMemory', server.url, codes.bjA!);
    fillDesk(a, EVENTS);
    let started = performance.now();
    const pushed = await syncNow(a);
    if (!pushed.ok) throw new Error(JSON.stringify(pushed));
    const pushSeconds = (performance.now() - started) / 1000;
    const afterPush = memoryOf(pid);
    const token = readJson<SyncConfig>(a.desk.db, 'meta', 'sync.config')!.token;
    started = performance.now();
    for (let i = 0; i < 15; i++) if ((await fullPull(server.url, token)) < EVENTS) throw new Error('a full pull came back short');
    const pullSeconds = (performance.now() - started) / 1000;
    console.log(
      `PGlite server process: ${listening} when listening; ${afterPush} after ${EVENTS.toLocaleString('en')} events pushed (${pushSeconds.toFixed(1)} s); ` +
        `${memoryOf(pid)} after 15 full pulls (${(pullSeconds / 15).toFixed(1)} s each); goal ≤ 200 MB`,
    );
    a.desk.close();
  } finally {
    server.process.kill('SIGTERM');
    await new Promise((resolve) => server.process.once('exit', resolve));
  }
}

await buildServerBundle();
await run('PGlite', engines.pglite());
const unavailable = await postgresAvailable();
if (unavailable) console.log(`PostgreSQL: skipped (${unavailable})`);
else {
  const db = await freshPostgres();
  try {
    await run('PostgreSQL', engines.postgres(db.url));
  } finally {
    await db.drop();
  }
}
await serverMemory();
