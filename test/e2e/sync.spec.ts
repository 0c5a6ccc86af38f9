import { expect, test } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { SCREENSHOTS, setUpDesk, startHost, tempDataDir, type RunningHost } from './browserHost.js';

const hosts: RunningHost[] = [];
let server: ChildProcess | undefined;
test.afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
  await stopServer();
});

const cli = (dataDir: string, ...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--data-dir', dataDir, ...args], { encoding: 'utf8' });

async function startServer(dataDir: string, port = 0): Promise<string> {
  server = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--data-dir', dataDir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
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
    server!.stdout!.on('data', onData);
    server!.stderr!.on('data', onData);
  });
}

async function joinServer(page: import('@playwright/test').Page, url: string, code: string) {
  await page.keyboard.press('Alt+6');
  await page.getByLabel('服务器地址').fill(url);
  await page.getByLabel('加入码').fill(code);
  await page.getByRole('button', { name: '加入', exact: true }).click();
  await expect(page.getByText('在线')).toBeVisible();
}

async function stopServer(): Promise<void> {
  const child = server;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

test('a complaint taken while the server is down waits on desk A, and reaches desk B once the server is back', async ({ browser }) => {
  const serverDir = tempDataDir();
  cli(serverDir, 'admin', 'branch', 'BJ01', '北京一网点');
  const codeA = /: (\S+)$/.exec(cli(serverDir, 'admin', 'enrol', 'BJ01', 'A').trim())![1]!;
  const codeB = /: (\S+)$/.exec(cli(serverDir, 'admin', 'enrol', 'BJ01', 'B').trim())![1]!;
  const url = await startServer(serverDir);

  const [pageA, pageB] = [await browser.newPage(), await browser.newPage()];
  hosts.push(await startHost(tempDataDir()), await startHost(tempDataDir()));
  await setUpDesk(pageA, hosts[0]!.url, '陈经理');
  await setUpDesk(pageB, hosts[1]!.url, '刘经理', '900001', 'B');
  await joinServer(pageA, url, codeA);
  await joinServer(pageB, url, codeB);
  await expect(pageB.getByLabel('终端代码')).toHaveValue('B');

  // The server goes down; desk A keeps working.
  await stopServer();
  await pageA.keyboard.press('Alt+1');
  await pageA.getByLabel('客户姓名').fill('王女士');
  await pageA.getByLabel('联系电话').fill('13800138000');
  await pageA.getByText('电话', { exact: true }).click();
  await pageA.getByLabel('客户反映的问题').fill('热水器漏水，师傅一直没上门');
  await pageA.keyboard.press('Control+Enter');
  await expect(pageA.getByTestId('case-number')).toHaveText(/^BJ01-A-\d{8}-0001$/);
  await pageA.getByRole('button', { name: '受理下一位' }).click();
  await pageA.getByTestId('sync-indicator').click();
  await expect(pageA.getByTestId('sync-indicator')).toContainText(/离线（\d+ 条待上传）/);
  await pageA.screenshot({ path: join(SCREENSHOTS, 'sync-offline-waiting-zh-CN.png') });

  await startServer(serverDir, Number(new URL(url).port));
  await pageA.getByTestId('sync-indicator').click();
  await expect(pageA.getByTestId('sync-indicator')).toContainText('已同步');
  await pageA.screenshot({ path: join(SCREENSHOTS, 'sync-synced-zh-CN.png') });

  await pageB.getByTestId('sync-indicator').click();
  await pageB.keyboard.press('Alt+2');
  await expect(pageB.getByRole('button', { name: /^BJ01-A-\d{8}-0001$/ })).toBeVisible();
  await pageB.screenshot({ path: join(SCREENSHOTS, 'sync-second-desk-queue-zh-CN.png') });
});
