import { pathToFileURL } from 'node:url';

/** Window settings the security review cares about, kept apart from Electron so a test can read them. */
export function secureWindowOptions(preloadPath: string, devTools = false) {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'CalmDesk 安心台',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Only in a development build: the shipped app has no way into the developer tools.
      devTools,
    },
  } as const;
}

/** The small window that shows a long open's progress: a page drawn by main, no script, no bridge. */
export function openingWindowOptions() {
  return {
    width: 720,
    height: 400,
    title: 'CalmDesk 安心台',
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, javascript: false, webSecurity: true, devTools: false },
  } as const;
}

/** Only our own packaged page may call the desk or be navigated to. */
export function isTrustedRendererUrl(url: string, rendererIndexPath: string): boolean {
  try {
    const expected = pathToFileURL(rendererIndexPath);
    const actual = new URL(url);
    return actual.protocol === 'file:' && actual.pathname === expected.pathname;
  } catch {
    return false;
  }
}
