import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { registerContractHandlers, type IpcMainLike } from '../../../electron/main/ipc.js';
import { isTrustedRendererUrl, secureWindowOptions } from '../../../electron/main/window.js';
import { createDeskBridge, type IpcRendererLike } from '../../../electron/preload/bridge.js';
import { CHANNEL_NAMES } from '../../../shared/contract.js';
import { IPC_PREFIX, PUSH_CHANNEL } from '../../../shared/ipcChannels.js';
import { complaint, openTeamDesk } from '../../fixtures/desk.js';

type Handler = Parameters<IpcMainLike['handle']>[1];
const RENDERER = '/opt/CalmDesk/resources/app.asar/dist/renderer/index.html';

/** Main and preload wired together in one process, with core behind them, as Electron would. */
function wire() {
  const { desk, team } = openTeamDesk();
  const handlers = new Map<string, Handler>();
  registerContractHandlers(
    { handle: (channel, listener) => void handlers.set(channel, listener) },
    async (channel, request, session) => desk.dispatch(channel, request, session),
    (url) => isTrustedRendererUrl(url, RENDERER),
  );
  let pushListener: ((event: unknown, message: unknown) => void) | undefined;
  const trusted = { senderFrame: { url: pathToFileURL(RENDERER).href } };
  const ipcRenderer: IpcRendererLike = {
    invoke: async (channel, request, session) => handlers.get(channel)?.(trusted, request, session),
    on: (channel, listener) => {
      if (channel === PUSH_CHANNEL) pushListener = listener;
    },
  };
  return { desk, team, handlers, bridge: createDeskBridge(ipcRenderer), push: (message: unknown) => pushListener?.({}, message) };
}

describe('Electron IPC glue', () => {
  it('registers exactly one handler per contract channel', () => {
    const { handlers } = wire();
    expect([...handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((c) => IPC_PREFIX + c).sort());
  });

  it('carries a call from window.desk through main to core and back', async () => {
    const { bridge, team } = wire();
    const created = await bridge.invoke('case.create', complaint(), team.clerk.session);
    expect(created.ok && created.value.caseNumber).toMatch(/^BJ01-A-\d{8}-0001$/);
    const bad = await bridge.invoke('case.create', { channel: 'fax' } as never, team.clerk.session);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await bridge.invoke('case.create', complaint())).toMatchObject({ ok: false, error: { code: 'signed_out' } });
  });

  it('refuses calls from frames that are not our page', async () => {
    const { handlers, desk, team } = wire();
    const handler = handlers.get(`${IPC_PREFIX}case.create`)!;
    for (const senderFrame of [null, { url: 'https://evil.example/' }, { url: 'file:///tmp/other.html' }]) {
      expect(await handler({ senderFrame }, complaint(), team.clerk.session)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(desk.db.prepare('SELECT count(*) AS n FROM complaints').get()).toEqual({ n: 0 });
  });

  it('lets only contract channels and push events through the preload bridge', async () => {
    const { bridge, push } = wire();
    expect(await bridge.invoke('shell.openExternal' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    const seen: unknown[] = [];
    const off = bridge.on('case.changed', (payload) => seen.push(payload));
    push({ event: 'case.changed', payload: { id: 'a' } });
    push({ event: 'something.else', payload: {} });
    off();
    push({ event: 'case.changed', payload: { id: 'b' } });
    expect(seen).toEqual([{ id: 'a' }]);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('opens windows isolated, sandboxed and without Node', () => {
    const { webPreferences } = secureWindowOptions('/app/preload.cjs');
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(isTrustedRendererUrl(pathToFileURL(RENDERER).href, RENDERER)).toBe(true);
    expect(isTrustedRendererUrl(`${pathToFileURL(RENDERER).href}#queue`, RENDERER)).toBe(true);
    expect(isTrustedRendererUrl('http://127.0.0.1:3000/', RENDERER)).toBe(false);
    expect(isTrustedRendererUrl('not a url', RENDERER)).toBe(false);
  });
});
