import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { complaint, ok } from '../fixtures/desk.js';
import type { Fetch } from '../../electron/core/syncClient.js';
import { complaintsOf, enrolledDesk, engineFor, joinCode, setUpOrg, startServer, syncNow, type JoinCode, type RunningServer } from './syncWorld.js';

describe('sync over the wire: compressed both ways', () => {
  let server: RunningServer;
  let codes: Record<string, JoinCode>;
  beforeAll(async () => {
    server = await startServer((await engineFor('pglite')).open);
    codes = await setUpOrg(server.sql);
  }, 60_000);
  afterAll(async () => server.stop());

  it('gzips pushed batches once the server says it takes them, gets pages back gzipped, and both desks hold the same cases', async () => {
    const seen: Array<{ path: string; sent: string | null; received: string | null; bytes: number }> = [];
    const watching: Fetch = async (url, init) => {
      const response = await fetch(url, init);
      const body = init?.body;
      seen.push({
        path: new URL(url).pathname,
        sent: init?.headers?.['content-encoding'] ?? null,
        received: response.headers.get('content-encoding'),
        bytes: typeof body === 'string' ? Buffer.byteLength(body) : (body?.byteLength ?? 0),
      });
      return response;
    };
    const a = await enrolledDesk('a', server.url, codes.bjA!, { fetch: watching });
    const b = await enrolledDesk('b', server.url, codes.bjB!, { fetch: watching });
    for (let i = 0; i < 40; i++) ok(a.desk, a.session, 'case.create', complaint(`客户${i}`, `第 ${i} 位客户：热水器漏水，师傅一直没上门`, `1380000${String(i).padStart(4, '0')}`));
    const first = await syncNow(a);
    expect(first).toMatchObject({ ok: true, value: { waiting: 0, lastError: null } });
    expect(await syncNow(b)).toMatchObject({ ok: true, value: { lastError: null } });
    expect(complaintsOf(b)).toEqual(complaintsOf(a));

    const pushes = seen.filter((s) => s.path.endsWith('/push') && s.bytes > 1024);
    expect(pushes.length).toBeGreaterThan(0);
    expect(pushes.every((p) => p.sent === 'gzip')).toBe(true);
    const pulls = seen.filter((s) => s.path.endsWith('/pull') && s.received === 'gzip');
    expect(pulls.length).toBeGreaterThan(0);
    a.desk.close();
    b.desk.close();
  });

  it('pushes and pulls a backlog of long complaints in batches and pages cut by bytes, however long each is', async () => {
    // 400 complaints as long as a description (4,000 characters) and an expectation (2,000) may be
    // are some 7 MB of JSON: one batch of them would be past the server's body limit, and the desk
    // would send it again for ever.
    const sizes: number[] = [];
    const watching: Fetch = async (url, init) => {
      const body = init?.body;
      if (url.endsWith('/push')) sizes.push(typeof body === 'string' ? Buffer.byteLength(body) : (body?.byteLength ?? 0));
      return fetch(url, init);
    };
    const pages: number[] = [];
    const counting: Fetch = async (url, init) => {
      const response = await fetch(url, init);
      if (new URL(url).pathname.endsWith('/pull')) pages.push(((await response.clone().json()) as { events: unknown[] }).events.length);
      return response;
    };
    const a = await enrolledDesk('long-a', server.url, await joinCode(server.sql, 'BJ01', 'C'), { fetch: watching });
    const b = await enrolledDesk('long-b', server.url, await joinCode(server.sql, 'BJ01', 'D'), { fetch: counting });
    const story = '热水器漏水把地板泡坏了，师傅说好上门又没来。'.repeat(200).slice(0, 4_000);
    for (let i = 0; i < 400; i++) {
      ok(a.desk, a.session, 'case.create', { ...complaint(`客户${i}`, `${i}：${story}`.slice(0, 4_000), `1380000${String(i).padStart(4, '0')}`), expectation: story.slice(0, 2_000) });
    }
    expect(await syncNow(a)).toMatchObject({ ok: true, value: { waiting: 0, lastError: null } });
    expect(sizes.length).toBeGreaterThan(1);
    pages.length = 0;
    expect(await syncNow(b)).toMatchObject({ ok: true, value: { lastError: null } });
    expect(complaintsOf(b)).toEqual(complaintsOf(a));
    // And pulled in pages cut by bytes: no page holds the whole backlog.
    expect(pages.filter((n) => n > 0).length).toBeGreaterThan(1);
    a.desk.close();
    b.desk.close();
  }, 120_000);

  it('refuses a body that unpacks past the limit (checked while unpacking), and one that is not gzip', async () => {
    const post = (body: Uint8Array) =>
      fetch(`${server.url}/v1/push`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: new Uint8Array(body) });
    // 40 MB of spaces pack into about 40 KB: a small upload must not become a big body.
    const bomb = await post(gzipSync(`{"events":[${' '.repeat(40 * 1024 * 1024)}]}`));
    expect(bomb.status).toBe(413);
    const garbage = await post(new TextEncoder().encode('not gzip at all'));
    expect(garbage.status).toBe(400);
  });
});
