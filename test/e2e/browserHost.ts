import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `start:browser`'s host as a real child process, the way a user starts it. */
export interface RunningHost {
  url: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export const SCREENSHOTS = join(process.cwd(), 'test', 'e2e', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'calmdesk-e2e-'));
}

export async function startHost(dataDir: string, extraArgs: string[] = []): Promise<RunningHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/browserHost/cli.ts', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${output}`)));
  });
  return {
    url,
    process: child,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** Opens the desk and waits until it has loaded its settings and shows its navigation. */
export async function openDesk(page: import('@playwright/test').Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('menu').waitFor();
}
