import { randomBytes } from 'node:crypto';
import { STARTUP_TEXT, type StartFailure } from '../../../shared/startupFailure.js';
import type { Locale } from '../../../shared/locale.js';
import { escapeHtml as escape, localeOf, plainPage, sendPlainPage, servePlainPages } from './plainPage.js';

/**
 * What the browser host serves when the desk cannot open its data: the reason in the reader's
 * language and, for a damaged file, a button that restores the newest backup. Resolves `restored`
 * once a restore succeeded, so the host can close this page and open the desk on the same port.
 */
export interface DamagedHost {
  url: string;
  restored: Promise<void>;
  close(): Promise<void>;
}

function page(locale: Locale, reason: StartFailure, token: string): string {
  const text = STARTUP_TEXT[locale];
  const button =
    reason === 'damaged'
      ? `<button id="restore">${escape(text.restore)}</button><p id="status" role="status"></p>
<script>
document.getElementById('restore').onclick = async () => {
  const status = document.getElementById('status');
  const answer = await fetch('/api/restore', { method: 'POST', headers: { 'x-calmdesk-token': ${JSON.stringify(token)} } });
  status.textContent = answer.ok ? ${JSON.stringify(text.restored)} : ${JSON.stringify(text.noBackup)};
  // The desk opens on this same address once the backup is in place: wait for it, then go there.
  if (answer.ok) {
    for (let i = 0; i < 60; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const probe = await fetch('/', { cache: 'no-store' }).catch(() => null);
      if (probe && probe.ok) return location.reload();
    }
  }
};
</script>`
      : '';
  return plainPage(locale, text.title, `<p>${escape(text[reason])}</p>${button}`);
}

export async function startDamagedHost(options: { port: number; reason: StartFailure; restore(): boolean }): Promise<DamagedHost> {
  const token = randomBytes(24).toString('base64url');
  let markRestored: () => void = () => undefined;
  const restored = new Promise<void>((resolve) => (markRestored = resolve));
  const host = await servePlainPages(options.port, (req, res) => {
    if (req.method === 'POST' && req.url === '/api/restore') {
      const ok = req.headers['x-calmdesk-token'] === token && options.reason === 'damaged' && options.restore();
      res.writeHead(ok ? 200 : 409, { 'content-type': 'application/json' }).end(JSON.stringify({ restored: ok }));
      if (ok) markRestored();
      return;
    }
    sendPlainPage(res, page(localeOf(req.headers['accept-language']), options.reason, token));
  });
  return { ...host, restored };
}
