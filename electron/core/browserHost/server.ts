import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { PUSH_EVENT_NAMES, type DeskResult } from '../../../shared/contract.js';
import type { Dispatch } from '../dispatch.js';
import type { DeskCore } from '../deskCore.js';
import { CONTENT_SECURITY_POLICY } from '../contentSecurityPolicy.js';

/**
 * Serves the built renderer and the same contract as Electron's IPC over loopback. Only the
 * transport differs: every call goes through the same dispatcher (validation + core).
 */
export const TOKEN_HEADER = 'x-calmdesk-token';
/** Large enough for a photo or signature (at most 10 MB, base64 in JSON); the core refuses larger ones itself. */
export const MAX_BODY_BYTES = 16_000_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};


export interface BrowserHostOptions {
  dispatch: Dispatch;
  core: Pick<DeskCore, 'subscribe'>;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface BrowserHost {
  url: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const refusal = (code: 'unauthorized' | 'invalid_request' | 'too_large', message: string): DeskResult<never> => ({
  ok: false,
  error: { code, message },
});

async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origin = '';

  const serveStatic = async (pathname: string, res: ServerResponse) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      sendJson(res, 400, refusal('invalid_request', 'malformed path'));
      return;
    }
    const relative = normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(options.rendererDir, relative === '' ? 'index.html' : relative);
    if (!file.startsWith(options.rendererDir + sep) && file !== options.rendererDir) {
      res.writeHead(404).end();
      return;
    }
    try {
      let body: Buffer | string = await readFile(file);
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      if (extname(file) === '.html') {
        body = body.toString('utf8').replace('<meta name="calmdesk-token" content="" />', `<meta name="calmdesk-token" content="${token}" />`);
      }
      res.writeHead(200, {
        'content-type': type,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      // Client-side navigation: unknown paths get the app shell.
      if (extname(file) === '') return serveStatic('/', res);
      res.writeHead(404).end();
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      const host = req.headers.host ?? '';
      // DNS rebinding guard: only our own loopback origin may talk to the desk.
      if (host !== new URL(origin).host && host !== `localhost:${new URL(origin).port}`) {
        sendJson(res, 403, refusal('unauthorized', 'wrong host'));
        return;
      }
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === '/api/invoke') {
        if (req.method !== 'POST') return sendJson(res, 405, refusal('invalid_request', 'use POST'));
        if (req.headers.origin && req.headers.origin !== origin && req.headers.origin !== `http://${host}`) {
          return sendJson(res, 403, refusal('unauthorized', 'cross-origin request refused'));
        }
        if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
          return sendJson(res, 401, refusal('unauthorized', 'missing or wrong desk token'));
        }
        const raw = await readBody(req);
        if (raw === null) return sendJson(res, 413, refusal('too_large', 'request too large'));
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, refusal('invalid_request', 'request body is not JSON'));
        }
        const { channel, request, session } = (body ?? {}) as { channel?: unknown; request?: unknown; session?: unknown };
        return sendJson(res, 200, await options.dispatch(channel, request, session));
      }
      if (url.pathname === '/api/events') {
        if (!sameToken(url.searchParams.get('token'), token)) return sendJson(res, 401, refusal('unauthorized', 'missing or wrong desk token'));
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        const unsubscribe = options.core.subscribe((event, payload) => {
          if (PUSH_EVENT_NAMES.includes(event)) res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
        });
        req.on('close', unsubscribe);
        return;
      }
      if (req.method !== 'GET') return sendJson(res, 405, refusal('invalid_request', 'method not allowed'));
      return serveStatic(url.pathname, res);
    })().catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'host error' } });
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
