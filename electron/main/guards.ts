/**
 * The Electron window's defences, written against the small parts of Electron they touch so a test
 * can drive them without the binary: what may open outside the app, which permissions exist, and
 * what any web contents (ours or one that slipped in) may do.
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set(['calmdesk.cn', 'www.calmdesk.cn']);

/** Only our own help site over https leaves the app; any other link the page opens goes nowhere. */
export function externalLinkAllowed(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && EXTERNAL_HOSTS.has(parsed.hostname) && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** The only permission the desk asks for: desktop notifications for deadline alarms. */
export const permissionAllowed = (permission: string): boolean => permission === 'notifications';

interface PreventableEvent {
  preventDefault(): void;
}
export interface ContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}
export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}
export interface AppLike {
  on(event: 'web-contents-created', listener: (event: unknown, contents: ContentsLike) => void): void;
}

/** Guards every web contents the app creates: no navigation or redirect away, no webviews, no pop-ups. */
export function hardenApp(app: AppLike, session: SessionLike, isTrustedUrl: (url: string) => boolean, openExternal: (url: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));
  app.on('web-contents-created', (_event, contents) => {
    const stayHome = (event: PreventableEvent, url: string) => {
      if (!isTrustedUrl(url)) event.preventDefault();
    };
    contents.on('will-navigate', stayHome);
    contents.on('will-redirect', stayHome);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (externalLinkAllowed(url)) openExternal(url);
      return { action: 'deny' };
    });
  });
}
