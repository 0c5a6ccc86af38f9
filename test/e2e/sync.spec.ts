import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, setUpDesk, startHost, tempDataDir, type RunningHost } from './browserHost.js';
import { joinCodeFor, joinServer, serverCli, startSyncServer, type SyncServer } from './syncServer.js';

const hosts: RunningHost[] = [];
let server: SyncServer | undefined;
test.afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
  await server?.stop();
});

test('a complaint taken while the server is down waits on desk A, and reaches desk B once the server is back', async ({ browser }) => {
  const serverDir = tempDataDir();
  serverCli(serverDir, 'admin', 'branch', 'BJ01', '北京一网点');
  const codeA = joinCodeFor(serverDir, 'BJ01', 'A');
  const codeB = joinCodeFor(serverDir, 'BJ01', 'B');
  server = await startSyncServer(serverDir);
  const url = server.url;

  const [pageA, pageB] = [await browser.newPage(), await browser.newPage()];
  hosts.push(await startHost(tempDataDir()), await startHost(tempDataDir()));
  await setUpDesk(pageA, hosts[0]!.url, '陈经理');
  await setUpDesk(pageB, hosts[1]!.url, '刘经理', '900001', 'B');
  await joinServer(pageA, url, codeA);
  await joinServer(pageB, url, codeB);
  await expect(pageB.getByLabel('终端代码')).toHaveValue('B');

  // The server goes down; desk A keeps working.
  await server.stop();
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

  server = await startSyncServer(serverDir, Number(new URL(url).port));
  await pageA.getByTestId('sync-indicator').click();
  await expect(pageA.getByTestId('sync-indicator')).toContainText('已同步');
  await pageA.screenshot({ path: join(SCREENSHOTS, 'sync-synced-zh-CN.png') });

  await pageB.getByTestId('sync-indicator').click();
  await pageB.keyboard.press('Alt+2');
  await expect(pageB.getByRole('button', { name: /^BJ01-A-\d{8}-0001$/ })).toBeVisible();
  await pageB.screenshot({ path: join(SCREENSHOTS, 'sync-second-desk-queue-zh-CN.png') });
});
