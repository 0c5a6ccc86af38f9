import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../../db/localState.js';
import type { SyncConfig } from '../../electron/core/syncClient.js';
import { enrolledDesk, engineFor, setUpOrg, startServer, type Desk, type RunningServer } from './syncWorld.js';

/**
 * A page of a pull on a server that holds a long history: the page is read from the index, not the
 * branch's whole history after the cursor, and each event comes back exactly as it was stored.
 * PGlite keeps no statistics, which is where the planner's guesses went wrong.
 */
describe('a pull page on a long history', () => {
  let server: RunningServer;
  let desk: Desk;
  let token: string;
  beforeAll(async () => {
    server = await startServer((await engineFor('pglite')).open);
    const codes = await setUpOrg(server.sql);
    desk = await enrolledDesk('pages', server.url, codes.bjA!);
    token = readJson<SyncConfig>(desk.desk.db, 'meta', 'sync.config')!.token;
    // 6,000 events: Beijing's and Shanghai's in turn, and every hundredth for every branch (reference data).
    await server.sql.query(
      `INSERT INTO events (id, entity, entity_id, type, payload, actor, actor_role, device, hlc, schema, branch, from_device)
       SELECT gen_random_uuid(), 'complaint', gen_random_uuid(), 'noted',
              jsonb_build_object('text', '第' || i || '位客户说："热水器漏水"' || E'\\n' || '\\ 再不修就投诉', 'n', i),
              'staff', 'clerk', 'desk', lpad(i::text, 15, '0') || ':000000:desk', 1,
              CASE WHEN i % 100 = 0 THEN NULL WHEN i % 2 = 0 THEN 'BJ01' ELSE 'SH02' END, gen_random_uuid()
       FROM generate_series(1, 6000) AS i`,
    );
  }, 60_000);
  afterAll(async () => {
    desk.desk.close();
    await server.stop();
  });

  const rowsRead = async () => {
    await server.sql.query('SELECT pg_stat_force_next_flush()');
    const [row] = await server.sql.query<{ n: string }>("SELECT seq_tup_read + idx_tup_fetch AS n FROM pg_stat_user_tables WHERE relname = 'events'");
    return Number(row!.n);
  };

  it("reads about the page's rows, in order, with the branch's events and everyone's, byte for byte", async () => {
    const [{ first } = { first: '0' }] = await server.sql.query<{ first: string }>("SELECT min(seq) AS first FROM events WHERE payload->>'n' = '1000'");
    const before = await rowsRead();
    const response = await fetch(`${server.url}/v1/pull?after=${first}&limit=100`, { headers: { authorization: `Bearer ${token}` } });
    const read = (await rowsRead()) - before;
    const page = (await response.json()) as { events: Array<{ seq: number; payload: { text: string; n: number } }>; more: boolean };

    expect(page.more).toBe(true);
    const numbers = page.events.map((e) => e.payload.n);
    // After the 1,000th: Beijing's even numbers, and the hundredths that every branch takes.
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => 1002 + 2 * i));
    expect(page.events.map((e) => e.seq)).toEqual([...page.events.map((e) => e.seq)].sort((a, b) => a - b));
    expect(page.events[0]!.payload.text).toBe('第1002位客户说："热水器漏水"\n\\ 再不修就投诉');
    // The page and the one row that says there is more, from each part; the whole branch after
    // the cursor is 2,500 rows, which is what the page read before.
    expect(read).toBeLessThanOrEqual(2 * 101 + 20);
  });
});
