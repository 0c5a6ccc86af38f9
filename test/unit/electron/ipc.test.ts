import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { registerContractHandlers, type IpcMainLike } from '../../../electron/main/ipc.js';
import { isTrustedRendererUrl, secureWindowOptions } from '../../../electron/main/window.js';
import { createDeskBridge, type IpcRendererLike } from '../../../electron/preload/bridge.js';
import { openDesk } from '../../../electron/core/openDesk.js';
import { CHANNEL_NAMES } from '../../../shared/contract.js';
import { IPC_PREFIX, PUSH_CHANNEL } from '../../../shared/ipcChannels.js';
import { tempDir } from '../../fixtures/tempDir.js';

type Handler = Parameters<IpcMainLike['handle']>[1];
const RENDERER = '/opt/CalmDesk/resources/app.asar/dist/renderer/index.html';

/** Main and preload wired together in one process, with core behind them, as Electron would. */
function wire() {
  const desk = openDesk(tempDir());
  const handlers = new Map<string, Handler>();
  registerContractHandlers(
    { handle: (channel, listener) => void handlers.set(channel, listener) },
    async (channel, request) => desk.dispatch(channel, request),
    (url) => isTrustedRendererUrl(url, RENDERER),
  );
  let pushListener: ((event: unknown, message: unknown) => void) | undefined;
  const trusted = { senderFrame: { url: pathToFileURL(RENDERER).href } };
  const ipcRenderer: IpcRendererLike = {
    invoke: async (channel, request) => handlers.get(channel)?.(trusted, request),
    on: (channel, listener) => {
      if (channel === PUSH_CHANNEL) pushListener = listener;
    },
  };
  return { desk, handlers, bridge: createDeskBridge(ipcRenderer), push: (message: unknown) => pushListener?.({}, message) };
}

describe('Electron IPC glue', () => {
  it('registers exactly one handler per contract channel', () => {
    const { handlers } = wire();
    expect([...handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((c) => IPC_PREFIX + c).sort());
  });

  it('carries a call from window.desk through main to core and back', async () => {
    const { bridge } = wire();
    const created = await bridge.invoke('case.create', { customer: { name: '王女士', phone: '13800138000' }, channel: 'phone', description: '漏水' });
    expect(created.ok && created.value.caseNumber).toMatch(/^BJ01-A-\d{8}-0001$/);
    const bad = await bridge.invoke('case.create', { channel: 'fax' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('refuses calls from frames that are not our page', async () => {
    const { handlers, desk } = wire();
    const handler = handlers.get(`${IPC_PREFIX}case.create`)!;
    const request = { customer: { name: '王女士', phone: '13800138000' }, channel: 'phone', description: '漏水' };
    for (const senderFrame of [null, { url: 'https://evil.example/' }, { url: 'file:///tmp/other.html' }]) {
      expect(await handler({ senderFrame }, request)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(desk.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
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
