import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

/**
 * One SQL dialect, two engines: embedded PGlite by default (nothing to install) and a real
 * PostgreSQL server when DATABASE_URL is set (production, CI). Everything else is the same code.
 */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function postgresSql(connectionString: string): Sql {
  const pool = new pg.Pool({ connectionString, max: 8 });
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
    close: () => pool.end(),
  });
  return on(pool);
}

type PGliteLike = Pick<PGlite, 'query'> & { transaction?: PGlite['transaction'] };

export async function pgliteSql(dataDir?: string): Promise<Sql> {
  const db = new PGlite(dataDir);
  await db.waitReady;
  const on = (handle: PGliteLike): Sql => ({
    async query<T>(text: string, params: unknown[] = []) {
      return (await handle.query<T>(text, params)).rows;
    },
    async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      if (!handle.transaction) return work(on(handle));
      return handle.transaction((tx) => work(on(tx as unknown as PGliteLike)));
    },
    close: () => db.close(),
  });
  return on(db);
}
