import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { OpenDesk } from '../../../electron/core/openDesk.js';
import { MAX_BODY_BYTES, startBrowserHost, TOKEN_HEADER, type BrowserHost } from '../../../electron/core/browserHost/server.js';
import { tempDir } from '../../fixtures/tempDir.js';
import { complaint, openTeamDesk, type Team } from '../../fixtures/desk.js';

let host: BrowserHost;
let desk: OpenDesk;
let team: Team;

async function start() {
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><meta name="calmdesk-token" content="" /></head></html>');
  writeFileSync(join(tempDir(), 'secret.txt'), 'not for the browser');
  ({ desk, team } = openTeamDesk());
  host = await startBrowserHost({ dispatch: desk.dispatch, core: desk.core, rendererDir });
}

afterEach(async () => {
  await host.close();
  desk.close();
});

const invoke = (body: unknown | string, headers: Record<string, string> = { [TOKEN_HEADER]: host.token }) =>
  fetch(new URL('/api/invoke', host.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify({ session: team.clerk.session, ...(body as object) }),
  });

/** fetch() will not let a test forge the Host header, so speak HTTP directly. */
function rawGet(path: string, hostHeader: string): Promise<number> {
  const url = new URL(host.url);
  return new Promise((resolve, reject) => {
    httpRequest({ host: url.hostname, port: url.port, path, headers: { host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('the browser host', () => {
  it('serves the app shell with the run token, a strict CSP, and only on loopback', async () => {
    await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(host.url);
    expect(await page.text()).toContain(`content="${host.token}"`);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'.*frame-ancestors 'none'/);
  });

  it('runs a contract call end to end over HTTP', async () => {
    await start();
    const created = await (await invoke({ channel: 'case.create', request: { ...complaint(), channel: 'onsite' } })).json();
    expect(created.ok).toBe(true);
    const list = await (await invoke({ channel: 'case.list', request: {} })).json();
    expect(list.value.items.map((c: { id: string }) => c.id)).toEqual([created.value.id]);
    const noSession = await (await invoke({ channel: 'case.list', request: {}, session: null })).json();
    expect(noSession.error.code).toBe('signed_out');
  });

  it('refuses calls without the token, from another origin, or for another host name', async () => {
    await start();
    const call = { channel: 'case.create', request: complaint() };
    expect((await invoke(call, {})).status).toBe(401);
    expect((await invoke(call, { [TOKEN_HEADER]: 'guess' })).status).toBe(401);
    expect((await invoke(call, { [TOKEN_HEADER]: host.token, origin: 'https://evil.example' })).status).toBe(403);
    expect(await rawGet('/', 'evil.example:80')).toBe(403);
    expect(desk.db.prepare('SELECT count(*) AS n FROM complaints').get()).toEqual({ n: 0 });
  });

  it('answers malformed and oversized bodies with a clear refusal and stores nothing', async () => {
    await start();
    const notJson = await invoke('{"channel": ');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe('invalid_request');
    const huge = await invoke({ channel: 'case.create', request: { description: 'x'.repeat(MAX_BODY_BYTES) } });
    expect(huge.status).toBe(413);
    expect(desk.db.prepare('SELECT count(*) AS n FROM complaints').get()).toEqual({ n: 0 });
  });

  it('never serves files outside the renderer folder, and answers a malformed path with 400', async () => {
    await start();
    expect(await rawGet('/../secret.txt', host.url.slice(7, -1))).toBe(404);
    expect(await rawGet('/%2e%2e/%2e%2e/secret.txt', host.url.slice(7, -1))).toBe(404);
    expect(await rawGet('/%', host.url.slice(7, -1))).toBe(400);
    expect(await rawGet('/assets/%ff', host.url.slice(7, -1))).toBe(400);
  });

  it('refuses 10,000-deep nesting and a NUL in a text as an invalid request, not a crash', async () => {
    await start();
    const deep = `{"channel":"case.list","session":${JSON.stringify(team.clerk.session)},"request":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const nested = await invoke(deep);
    expect(nested.status).toBe(200);
    expect((await nested.json()).error).toMatchObject({ code: 'invalid_request', fields: [{ code: 'too_deep' }] });
    const nul = await (await invoke({ channel: 'case.create', request: { ...complaint(), description: '漏水\u0000' } })).json();
    expect(nul.error).toMatchObject({ code: 'invalid_request', fields: [{ path: 'description', code: 'unsafe_text' }] });
    expect(desk.db.prepare('SELECT count(*) AS n FROM complaints').get()).toEqual({ n: 0 });
  });

  it('pushes case changes to the page over server-sent events', async () => {
    await start();
    const controller = new AbortController();
    const events = await fetch(new URL(`/api/events?token=${host.token}`, host.url), { signal: controller.signal });
    const reader = events.body!.getReader();
    await reader.read(); // the ": connected" comment
    const created = await (await invoke({ channel: 'case.create', request: complaint() })).json();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe(`event: case.changed\ndata: ${JSON.stringify({ id: created.value.id })}\n\n`);
    controller.abort();
    expect((await fetch(new URL('/api/events?token=wrong', host.url))).status).toBe(401);
  });
});
