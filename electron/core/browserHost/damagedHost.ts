import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { STARTUP_TEXT, type StartFailure } from '../../../shared/startupFailure.js';
import type { Locale } from '../../../shared/locale.js';

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

function localeOf(acceptLanguage: string | undefined): Locale {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  return /^zh-(tw|hk|mo|hant)/.test(first) ? 'zh-TW' : 'zh-CN';
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

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
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escape(text.title)}</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;max-width:640px;margin:64px auto;line-height:1.7;font-size:16px}button{font-size:16px;padding:8px 20px}</style>
</head><body><h1>${escape(text.title)}</h1><p>${escape(text[reason])}</p>${button}</body></html>`;
}

export async function startDamagedHost(options: { port: number; reason: StartFailure; restore(): boolean }): Promise<DamagedHost> {
  const token = randomBytes(24).toString('base64url');
  let markRestored: () => void = () => undefined;
  const restored = new Promise<void>((resolve) => (markRestored = resolve));
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/api/restore') {
      const ok = req.headers['x-calmdesk-token'] === token && options.reason === 'damaged' && options.restore();
      res.writeHead(ok ? 200 : 409, { 'content-type': 'application/json' }).end(JSON.stringify({ restored: ok }));
      if (ok) markRestored();
      return;
    }
    const csp = `default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'`;
    res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-store' });
    res.end(page(localeOf(req.headers['accept-language']), options.reason, token));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    restored,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
