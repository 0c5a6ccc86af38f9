import type { AddressInfo } from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { buildServer } from '../../server/app.js';
import { migrate } from '../../server/schema.js';
import { pgliteSql, postgresSql, type Sql } from '../../server/sql.js';
import { addBranch, createEnrolmentCode } from '../../server/admin.js';
import type { OpenDesk } from '../../electron/core/openDesk.js';
import type { SyncOptions } from '../../electron/core/syncClient.js';
import type { Clock } from '../../electron/core/clock.js';
import type { DeskResult } from '../../shared/contract.js';
import { ok, openTestDesk } from '../fixtures/desk.js';
import { tempDir } from '../fixtures/tempDir.js';
import { SERVER_BUNDLE } from '../fixtures/serverBundle.js';
import { CASE_ROWS_WITH_VIEWS } from '../fixtures/caseRows.js';
import { viewOf } from '../../db/complaintQueries.js';

/** A real sync server on loopback over PGlite or PostgreSQL, and real desks on SQLite files. */
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function postgresAvailable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A fresh database per run, so suites never see each other's rows. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `calmdesk_sync_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = POSTGRES_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** `npm run server` as its own operating-system process, on a free loopback port. */
export async function serverProcess(env: Record<string, string>, args: string[] = []): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [SERVER_BUNDLE, '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /CalmDesk sync server at (http:\/\/\S+)/.exec(out);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before listening`)));
  });
  child.stdout!.resume();
  return { url, process: child };
}

export interface RunningServer {
  url: string;
  sql: Sql;
  stop(): Promise<void>;
}

/** Starts (or restarts, given the port it had) the server on loopback. */
export async function startServer(open: () => Promise<Sql>, port = 0, enrolPerMinute = 1_000): Promise<RunningServer> {
  const sql = await open();
  await migrate(sql);
  // The suites enrol dozens of desks a minute from one address; the limit has its own test.
  const app = buildServer({ sql, enrolPerMinute });
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    sql,
    async stop() {
      await app.close();
      await sql.close();
    },
  };
}

export const engines = {
  pglite: (dir = tempDir('calmdesk-pglite-')) => () => pgliteSql(dir),
  postgres: (url: string) => async () => postgresSql(url),
};

export interface Desk {
  name: string;
  desk: OpenDesk;
  session: string;
  staffId: string;
}

/** A one-time code, with the desk it is for (a desk is set up with those codes before it joins). */
export interface JoinCode {
  code: string;
  branch: string;
  desk: string;
}

export async function joinCode(sql: Sql, branch: string, desk: string, scope: 'branch' | 'hq' = 'branch'): Promise<JoinCode> {
  return { code: await createEnrolmentCode(sql, branch, desk, scope), branch, desk };
}

export async function setUpOrg(sql: Sql): Promise<Record<string, JoinCode>> {
  await addBranch(sql, 'BJ01', '北京一网点');
  await addBranch(sql, 'SH02', '上海二网点');
  await addBranch(sql, 'HQ', '总部客服中心');
  return {
    bjA: await joinCode(sql, 'BJ01', 'A'),
    bjB: await joinCode(sql, 'BJ01', 'B'),
    shA: await joinCode(sql, 'SH02', 'A'),
    hq: await joinCode(sql, 'HQ', 'H', 'hq'),
  };
}

/** A new desk: its manager sets it up as the join code's desk, then enrols it with the server. */
export async function enrolledDesk(name: string, serverUrl: string, join: JoinCode, sync: SyncOptions = {}, clock?: Clock): Promise<Desk> {
  const desk = openTestDesk(tempDir(`calmdesk-${name}-`), clock, { sync });
  const boot = ok(desk, undefined, 'staff.bootstrap', { name: `${name} 经理`, pin: '900001', branchCode: join.branch, deviceCode: join.desk });
  const result = (await desk.dispatchAsync('sync.enrol', { serverUrl, code: join.code }, boot.session)) as DeskResult<{ configured: boolean }>;
  if (!result.ok || !result.value.configured) throw new Error(`enrol ${name}: ${JSON.stringify(result)}`);
  return { name, desk, session: boot.session, staffId: boot.staff.id };
}

export async function syncNow(d: Desk): Promise<DeskResult<{ waiting: number; lastError: string | null; refused: unknown[] }>> {
  return (await d.desk.dispatchAsync('sync.now', {}, d.session)) as DeskResult<{ waiting: number; lastError: string | null; refused: unknown[] }>;
}

/** One hash over every projection table of a desk: equal hashes, identical folds. */
export function projectionHash(d: Desk): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(d.desk.db.prepare(CASE_ROWS_WITH_VIEWS).all()));
  for (const table of ['staff', 'customers', 'customer_phones', 'library_items', 'sla_items']) {
    hash.update(JSON.stringify(d.desk.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()));
  }
  return hash.digest('hex');
}

export function complaintsOf(d: Desk): unknown[] {
  return d.desk.db.prepare(`SELECT c.id, c.branch, ${viewOf('c')} AS view, c.due_at FROM complaints c ORDER BY c.id`).all();
}

/** A database for one suite on the engine asked for: a fresh PostgreSQL database, or a PGlite directory. */
export async function engineFor(engine: 'pglite' | 'postgres'): Promise<{ open: () => Promise<Sql>; drop(): Promise<void> }> {
  if (engine === 'pglite') return { open: engines.pglite(), drop: async () => undefined };
  const db = await freshPostgres();
  return { open: engines.postgres(db.url), drop: db.drop };
}

/** Syncs the closed desk in `dataDir` in a child process (test/fixtures/syncUntilKilled.ts) and SIGKILLs it once its output matches. */
export async function syncUntilKilled(dataDir: string, killAt: RegExp): Promise<{ output: string; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/syncUntilKilled.ts', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killAt.test(output) && child.exitCode === null) child.kill('SIGKILL');
    });
    child.once('exit', (_code, signal) => resolve({ output, signal }));
  });
}
