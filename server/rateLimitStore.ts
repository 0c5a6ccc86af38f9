import type { Sql } from './sql.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** How often (in counted requests) windows long over are swept away, so addresses seen once do not pile up. */
const SWEEP_EVERY = 1_000;

/**
 * A store for @fastify/rate-limit in PostgreSQL: fixed windows per key, counted in one atomic upsert,
 * so every server process behind a load balancer counts the same requests (an in-memory count would
 * give a code-guesser one full allowance per process).
 */
export function postgresRateStore(sql: Sql) {
  let counted = 0;
  return class PostgresRateStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      if (++counted % SWEEP_EVERY === 0) void sql.query("DELETE FROM rate_windows WHERE started_at < now() - interval '1 day'").catch(() => undefined);
      sql
        .query<{ hits: number; ttl: number }>(
          `INSERT INTO rate_windows AS w (key, started_at, hits) VALUES ($1, clock_timestamp(), 1)
           ON CONFLICT (key) DO UPDATE SET
             hits = CASE WHEN w.started_at + $2 * interval '1 millisecond' <= clock_timestamp() THEN 1 ELSE w.hits + 1 END,
             started_at = CASE WHEN w.started_at + $2 * interval '1 millisecond' <= clock_timestamp() THEN clock_timestamp() ELSE w.started_at END
           RETURNING hits, greatest(0, $2 - extract(epoch FROM clock_timestamp() - started_at) * 1000)::int AS ttl`,
          [key, timeWindow],
        )
        .then(([row]) => callback(null, { current: row!.hits, ttl: row!.ttl }), (error: Error) => callback(error));
    }

    child(): PostgresRateStore {
      return new PostgresRateStore();
    }
  };
}
