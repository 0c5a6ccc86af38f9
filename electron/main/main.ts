import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { CoreStartError, startCoreWorker } from '../core/coreWorkerClient.js';
import { startupFailureText } from './startupFailure.js';
import { CONTENT_SECURITY_POLICY } from '../core/contentSecurityPolicy.js';
import { PUSH_CHANNEL } from '../../shared/ipcChannels.js';
import { registerContractHandlers } from './ipc.js';
import { isTrustedRendererUrl, secureWindowOptions } from './window.js';

// Thin glue: window, CSP, IPC wiring. Everything else lives in core, which runs in a worker.
const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // Only desktop notifications (deadline alarms) may be asked for; everything else is refused.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'notifications'));

  // CALMDESK_DATA_DIR lets tests and support staff point the desk at another data folder.
  const dataDir = process.env.CALMDESK_DATA_DIR ?? app.getPath('userData');
  const core = await startCoreWorker(join(__dirname, 'coreWorker.cjs'), dataDir);
  registerContractHandlers(ipcMain, (channel, request, session) => core.invoke(channel, request, session), (url) =>
    isTrustedRendererUrl(url, rendererIndex),
  );

  const window = new BrowserWindow(secureWindowOptions(join(__dirname, 'preload.cjs')));
  core.onPush((event, payload) => window.webContents.send(PUSH_CHANNEL, { event, payload }));
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedRendererUrl(url, rendererIndex)) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  await window.loadFile(rendererIndex);

  app.on('window-all-closed', () => {
    void core.close().then(() => app.quit());
  });
}

// A desk that cannot start says why in a window of its own, instead of an unhandled rejection.
main().catch((error: unknown) => {
  dialog.showErrorBox('安心台 CalmDesk', startupFailureText(error instanceof CoreStartError ? error.reason : null));
  app.exit(1);
});
