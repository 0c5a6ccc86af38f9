import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { join } from 'node:path';
import { CoreStartError, startCoreWorker } from '../core/coreWorkerClient.js';
import { STARTUP_TEXT, startupFailureText } from '../../shared/startupFailure.js';
import { restoreNewestBackup } from '../core/restore.js';
import { CONTENT_SECURITY_POLICY } from '../core/contentSecurityPolicy.js';
import { PUSH_CHANNEL } from '../../shared/ipcChannels.js';
import { registerContractHandlers } from './ipc.js';
import { hardenApp } from './guards.js';
import { isTrustedRendererUrl, openingWindowOptions, secureWindowOptions } from './window.js';
import { openingPage } from '../core/browserHost/openingPage.js';
import { localeOf } from '../core/browserHost/plainPage.js';
import type { OpeningProgress } from '../core/workerProtocol.js';

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
  // Permissions, navigation, redirects, webviews and pop-ups for every web contents (guards.ts).
  hardenApp(app, session.defaultSession, (url) => isTrustedRendererUrl(url, rendererIndex), (url) => void shell.openExternal(url));
  // No menu in the shipped app: nothing offers the developer tools to whoever sits at the counter.
  if (app.isPackaged) Menu.setApplicationMenu(null);

  // CALMDESK_DATA_DIR lets tests and support staff point the desk at another data folder.
  const dataDir = process.env.CALMDESK_DATA_DIR ?? app.getPath('userData');
  // A long open (every page read after a crash, an upgrade) shows how far it is: redrawn at each new
  // stage, and within one at most twice a second.
  let opening: BrowserWindow | null = null;
  let drawn = { stage: '', at: 0 };
  const showOpening = (progress: OpeningProgress) => {
    if (progress.stage === drawn.stage && Date.now() - drawn.at < 500) return;
    drawn = { stage: progress.stage, at: Date.now() };
    opening ??= new BrowserWindow(openingWindowOptions());
    void opening.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(openingPage(localeOf(app.getLocale()), progress, false))}`);
  };
  const core = await startCoreWorker(join(__dirname, 'coreWorker.cjs'), dataDir, { onOpening: showOpening }).finally(() => opening?.destroy());
  registerContractHandlers(ipcMain, (channel, request, session) => core.invoke(channel, request, session), (url) =>
    isTrustedRendererUrl(url, rendererIndex),
  );

  const window = new BrowserWindow(secureWindowOptions(join(__dirname, 'preload.cjs'), !app.isPackaged));
  core.onPush((event, payload) => window.webContents.send(PUSH_CHANNEL, { event, payload }));
  window.once('ready-to-show', () => window.show());
  await window.loadFile(rendererIndex);

  app.on('window-all-closed', () => {
    void core.close().then(() => app.quit());
  });
}

// A desk that cannot start says why in a window of its own, instead of an unhandled rejection; a
// damaged database is offered the newest backup (the damaged file is kept beside it).
main().catch((error: unknown) => {
  const reason = error instanceof CoreStartError ? error.reason : null;
  if (reason === 'damaged') {
    const choice = dialog.showMessageBoxSync({ type: 'error', title: '安心台 CalmDesk', message: startupFailureText('damaged'), buttons: [STARTUP_TEXT['zh-CN'].restore, 'Quit 退出'], defaultId: 0, cancelId: 1 });
    if (choice === 0) {
      const dataDir = process.env.CALMDESK_DATA_DIR ?? app.getPath('userData');
      if (restoreNewestBackup(dataDir, new Date())) app.relaunch();
      else dialog.showErrorBox('安心台 CalmDesk', `${STARTUP_TEXT['zh-CN'].noBackup}\n\n${STARTUP_TEXT.en.noBackup}`);
    }
  } else {
    dialog.showErrorBox('安心台 CalmDesk', startupFailureText(reason));
  }
  app.exit(1);
});
