import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { setFlagsFromString } from 'node:v8';
import { PGlite } from '@electric-sql/pglite';

/**
 * One SQL dialect, two engines: embedded PGlite by default (nothing to install) and a real
 * PostgreSQL server when DATABASE_URL is set (production, CI). Everything else is the same code.
 */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Hears `NOTIFY channel` from every process on the same database (a push stored by another server
   * process reaches this one's hint streams). Resolves once listening; call the result to stop.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** How long a lost LISTEN connection waits before it connects again (hints are hints: polling still works). */
const RELISTEN_MS = 1_000;

/** A dedicated connection that LISTENs (a pooled one would be handed to queries and lose it). */
async function postgresListener(connectionString: string, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  // Events stored while this process was not listening: one hint once back, so nobody waits for a poll.
  const reconnect = () => {
    if (!stopped) retry = setTimeout(() => void connect().then(onNotify, reconnect), RELISTEN_MS);
  };
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => message.channel === channel && onNotify());
    next.on('error', () => {
      if (client !== next || stopped) return;
      client = null;
      void next.end().catch(() => undefined);
      reconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end();
  };
}

export function postgresSql(connectionString: string): Sql {
  const pool = new pg.Pool({ connectionString, max: 8 });
  // An idle connection the database ended (a restart, a failover, an administrator) is dropped by the
  // pool and replaced on the next query; unheard, its error would end the whole server process.
  pool.on('error', () => undefined);
  const on = (client: pg.PoolClient | pg.Pool): Sql => ({
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rows as T[];
    },
    async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      if (client !== pool) return work(on(client));
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await work(on(conn));
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        await conn.query('ROLLBACK');
        throw error;
      } finally {
        conn.release();
      }
    },
    listen: (channel, onNotify) => postgresListener(connectionString, channel, onNotify),
    close: () => pool.end(),
  });
  return on(pool);
}

type PGliteLike = Pick<PGlite, 'query'> & { transaction?: PGlite['transaction'] };

/** Shared buffers of an embedded server: a branch office's server should fit in a few hundred MB. */
const PGLITE_SHARED_BUFFERS = '16MB';

/**
 * V8 runs PGlite's wasm from quickly compiled code and optimizes functions as they run hot. Its
 * default budget counts starting PostgreSQL as hot and keeps some 55 MB of optimized code for it:
 * listening, 215–239 MiB resident with the default, 160 MiB with this budget. Pushing and pulling
 * still get optimized code: 100,000 events pushed in 19.8–23.8 s (17.2–23.7 s with the default), full pulls 5.0–6.1 s (4.9–5.8).
 */
const WASM_TIERING_BUDGET = 1_000_000_000;

export async function pgliteSql(dataDir?: string): Promise<Sql> {
  // Read when a wasm module is compiled, so it applies to PGlite's, which is compiled below.
  setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
  // PostgreSQL's default 128 MB of shared buffers is one block of wasm memory PGlite keeps for good;
  // PGlite's own files sit in the operating system's page cache anyway.
  const open = async () => {
    const db = new PGlite(dataDir, { postgresqlconf: [`shared_buffers=${PGLITE_SHARED_BUFFERS}`] });
    await db.waitReady;
    return db;
  };
  // Creating the database (initdb) leaves some 450 MB of wasm memory with the instance that did it,
  // for as long as it lives: a new server's database is created, closed, and opened again.
  if (dataDir && !dataDir.includes('://') && !existsSync(join(dataDir, 'PG_VERSION'))) await (await open()).close();
  const db = await open();
  const on = (handle: PGliteLike): Sql => ({
    async query<T>(text: string, params: unknown[] = []) {
      return (await handle.query<T>(text, params)).rows;
    },
    async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      if (!handle.transaction) return work(on(handle));
      return handle.transaction((tx) => work(on(tx as unknown as PGliteLike)));
    },
    listen: (channel, onNotify) => db.listen(channel, () => onNotify()),
    close: () => db.close(),
  });
  return on(db);
}
