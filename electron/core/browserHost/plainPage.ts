import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locale } from '../../../shared/locale.js';

/**
 * Pages a host serves before the desk is open (damaged data, a long open): no app, no translations
 * loaded yet, so the words come from shared/startupFailure.ts in the reader's language.
 */
export function localeOf(acceptLanguage: string | undefined): Locale {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  return /^zh-(tw|hk|mo|hant)/.test(first) ? 'zh-TW' : 'zh-CN';
}

export const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Inline script and style only, talking to this host alone. */
const PLAIN_PAGE_CSP = `default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'`;

/** 503: the desk is not there yet, and nothing should cache this page in its place. */
export function sendPlainPage(res: ServerResponse, html: string): void {
  res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PLAIN_PAGE_CSP, 'cache-control': 'no-store' });
  res.end(html);
}

/** A loopback server for such pages; closing it frees the port for the desk's own host. */
export async function servePlainPages(port: number, handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const plainPage = (locale: Locale, title: string, body: string) =>
  `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;max-width:640px;margin:64px auto;line-height:1.7;font-size:16px}button{font-size:16px;padding:8px 20px}progress{width:100%;height:20px}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
