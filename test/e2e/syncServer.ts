import { execFileSync, spawn } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import { SERVER_BUNDLE } from '../fixtures/serverBundle.js';

/** The sync server as its operators run it (`npm run server`): the bundle in a real child process. */
export const serverCli = (dataDir: string, ...args: string[]) =>
  execFileSync(process.execPath, [SERVER_BUNDLE, '--data-dir', dataDir, ...args], { encoding: 'utf8' });

/** A one-time join code for a desk, made with the admin command. */
export const joinCodeFor = (dataDir: string, branch: string, desk: string): string => /: (\S+)$/.exec(serverCli(dataDir, 'admin', 'enrol', branch, desk).trim())![1]!;

export interface SyncServer {
  url: string;
  stop(): Promise<void>;
}

export async function startSyncServer(dataDir: string, port = 0): Promise<SyncServer> {
  const child = spawn(process.execPath, [SERVER_BUNDLE, '--data-dir', dataDir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /sync server at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Settings → sync: the server's address and the desk's join code. */
export async function joinServer(page: Page, url: string, code: string): Promise<void> {
  await page.keyboard.press('Alt+6');
  await page.getByLabel('服务器地址').fill(url);
  await page.getByLabel('加入码').fill(code);
  await page.getByRole('button', { name: '加入', exact: true }).click();
  await expect(page.getByText('在线')).toBeVisible();
}
