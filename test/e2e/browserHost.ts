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

/** `ready`: what the host prints once it is there; by default the desk itself, not its opening page. */
export async function startHost(dataDir: string, extraArgs: string[] = [], ready = /running at (http:\/\/127\.0\.0\.1:\d+\/)/): Promise<RunningHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/browserHost/cli.ts', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
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
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** First start of a new desk: its branch and desk code, and the manager's account, through the setup screen. */
export async function setUpDesk(page: import('@playwright/test').Page, url: string, name = '陈经理', pin = '900001', desk = 'A', branch = 'BJ01'): Promise<void> {
  await page.goto(url);
  await page.getByLabel('网点代码').fill(branch);
  await page.getByLabel('终端代码').fill(desk);
  await page.getByLabel('经理姓名').fill(name);
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByLabel('再输入一次 PIN').fill(pin);
  await page.getByRole('button', { name: '创建并登录' }).click();
  await page.getByRole('menu').waitFor();
}

/** Signs in at the sign-in screen: pick the name, type the PIN, Enter. */
export async function signIn(page: import('@playwright/test').Page, name: string, pin: string): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
  await page.getByLabel(/^(PIN 或密码|PIN or password)$/).fill(pin);
  await page.keyboard.press('Enter');
  await page.getByTestId('signed-in').filter({ hasText: name }).waitFor();
}

/** Enrols staff through the contract with a manager's session (what Settings → Staff does). */
export async function enrolOverContract(
  page: import('@playwright/test').Page,
  manager: { name: string; pin: string },
  staff: Array<{ name: string; role: string; pin: string }>,
): Promise<void> {
  await page.evaluate(
    async ({ manager, staff }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="calmdesk-token"]')!.content;
      const invoke = async (channel: string, request: unknown, session?: string) => {
        const response = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-calmdesk-token': token },
          body: JSON.stringify({ channel, request, session }),
        });
        const body = await response.json();
        if (!body.ok) throw new Error(`${channel}: ${body.error.code}`);
        return body.value;
      };
      const roster = await invoke('staff.roster', {});
      const me = roster.staff.find((s: { name: string }) => s.name === manager.name);
      const { session } = await invoke('auth.signIn', { staffId: me.id, pin: manager.pin });
      for (const s of staff) await invoke('staff.enrol', s, session);
    },
    { manager, staff },
  );
}

/** One contract call as a signed-in person, the way the renderer makes it (token + session). */
export async function invokeAs<T = unknown>(
  page: import('@playwright/test').Page,
  who: { name: string; pin: string },
  channel: string,
  request: unknown,
): Promise<T> {
  return page.evaluate(
    async ({ who, channel, request }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="calmdesk-token"]')!.content;
      const invoke = async (c: string, r: unknown, session?: string) => {
        const body = await (await fetch('/api/invoke', { method: 'POST', headers: { 'x-calmdesk-token': token }, body: JSON.stringify({ channel: c, request: r, session }) })).json();
        if (!body.ok) throw new Error(`${c}: ${body.error.code}`);
        return body.value;
      };
      const roster = await invoke('staff.roster', {});
      const me = roster.staff.find((s: { name: string }) => s.name === who.name);
      const { session } = await invoke('auth.signIn', { staffId: me.id, pin: who.pin });
      return invoke(channel, request, session);
    },
    { who, channel, request },
  ) as Promise<T>;
}
