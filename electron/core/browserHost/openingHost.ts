import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { OpeningProgress } from '../../../db/open.js';
import { localeOf, sendPlainPage, servePlainPages } from './plainPage.js';
import { openingPage } from './openingPage.js';

/** Serves the opening page on `port` until closed; `update` moves what it shows. */
export async function startOpeningHost(port: number, first: OpeningProgress) {
  let progress = first;
  const host = await servePlainPages(port, (req, res) => {
    if (req.url === '/api/opening') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(progress));
      return;
    }
    sendPlainPage(res, openingPage(localeOf(req.headers['accept-language']), progress, true));
  });
  return { ...host, update: (next: OpeningProgress) => void (progress = next) };
}

/**
 * Opens the database once in a child process, so the long part (every page read, an upgrade's rebuild)
 * runs while this process serves the opening page; closed cleanly, the file is sealed and the desk's own
 * open right after is quick. A failure is left to that open, which explains it. (A process, not a worker
 * thread: the host runs its TypeScript through tsx, whose loader Node 20 does not hand to worker threads.)
 */
export function openInChild(file: string, onProgress: (progress: OpeningProgress) => void): Promise<void> {
  const child = fork(fileURLToPath(new URL('./openingChild.ts', import.meta.url)), [file], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  child.on('message', (progress) => onProgress(progress as OpeningProgress));
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      console.error(`[calmdesk] the opening process failed: ${error.name}`);
      resolve();
    });
  });
}
