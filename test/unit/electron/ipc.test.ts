import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { registerContractHandlers, type IpcMainLike } from '../../../electron/main/ipc.js';
import { isTrustedRendererUrl, openingWindowOptions, secureWindowOptions } from '../../../electron/main/window.js';
import { externalLinkAllowed, hardenApp, type ContentsLike } from '../../../electron/main/guards.js';
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
  const mainFrame = { url: pathToFileURL(RENDERER).href };
  const trusted = { senderFrame: mainFrame, sender: { mainFrame } };
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
      expect(await handler({ senderFrame, sender: { mainFrame: senderFrame } }, complaint(), team.clerk.session)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    // Our own page's URL in an iframe is still not our main frame.
    const iframe = { url: pathToFileURL(RENDERER).href };
    expect(await handler({ senderFrame: iframe, sender: { mainFrame: { url: iframe.url } } }, complaint(), team.clerk.session)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
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
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, devTools: false });
    // The opening window shows a page main draws: no script runs in it and it has no bridge to the desk.
    expect(openingWindowOptions().webPreferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, javascript: false, webSecurity: true, devTools: false });
    expect(isTrustedRendererUrl(pathToFileURL(RENDERER).href, RENDERER)).toBe(true);
    expect(isTrustedRendererUrl(`${pathToFileURL(RENDERER).href}#queue`, RENDERER)).toBe(true);
    expect(isTrustedRendererUrl('http://127.0.0.1:3000/', RENDERER)).toBe(false);
    expect(isTrustedRendererUrl('not a url', RENDERER)).toBe(false);
  });

  it('keeps every web contents home: no navigation or redirect away, no webview, no pop-up, links only to our own site, one permission', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    let onCreated: ((event: unknown, contents: ContentsLike) => void) | undefined;
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
    const contents: ContentsLike = {
      on: (event: string, listener: (...args: never[]) => unknown) => void (handlers[event] = listener),
      setWindowOpenHandler: (handler) => void (openHandler = handler),
    };
    let requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let checkHandler: ((contents: unknown, permission: string) => boolean) | undefined;
    const opened: string[] = [];
    hardenApp(
      { on: (_event, listener) => void (onCreated = listener) },
      { setPermissionRequestHandler: (h) => void (requestHandler = h), setPermissionCheckHandler: (h) => void (checkHandler = h) },
      (url) => isTrustedRendererUrl(url, RENDERER),
      (url) => void opened.push(url),
    );
    onCreated!({}, contents);
    const prevented = (event: string, url?: string) => {
      let stopped = false;
      (handlers[event] as (e: { preventDefault(): void }, url?: string) => void)({ preventDefault: () => void (stopped = true) }, url);
      return stopped;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(prevented('will-navigate', pathToFileURL(RENDERER).href)).toBe(false);
    expect(prevented('will-attach-webview')).toBe(true);
    for (const url of ['https://evil.example/', 'http://calmdesk.cn/', 'https://calmdesk.cn.evil.example/', 'https://user:pw@calmdesk.cn/', 'https://calmdesk.cn/help']) {
      expect(openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://calmdesk.cn/help']);
    expect(externalLinkAllowed('javascript:alert(1)')).toBe(false);
    const granted: boolean[] = [];
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read']) requestHandler!({}, permission, (g) => granted.push(g));
    expect(granted).toEqual([true, false, false, false]);
    expect(checkHandler!({}, 'media')).toBe(false);
  });
});
