import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SCREENSHOTS, signIn, startHost, tempDataDir, type RunningHost } from './browserHost.js';

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('a desk upgraded from an old CalmDesk shows how far the upgrade is, then opens by itself with every case', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = tempDataDir();
  // 20,000 cases, as a desk at schema 10 held them: opening it copies the file, migrates and rebuilds every list.
  execFileSync(process.execPath, ['--import', 'tsx', 'test/fixtures/seedCases.ts', dataDir, '20000']);
  execFileSync(process.execPath, ['--import', 'tsx', 'test/fixtures/olderDesk.ts', dataDir, '10']);
  host = await startHost(dataDir, [], /opening its data at (http:\/\/127\.0\.0\.1:\d+\/)/);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: '安心台正在打开本机数据' })).toBeVisible();
  const stage = page.getByRole('status');
  await expect(stage).toHaveText(/正在按新版本重新整理案件列表：已处理 [\d,]+ \/ 40,001 条记录。/, { timeout: 60_000 });
  await page.screenshot({ path: join(SCREENSHOTS, 'opening-upgrade-zh-CN.png') });
  // The page goes to the desk by itself once it is open: the sign-in screen, and every case in the queue.
  await page.getByRole('radio', { name: /^陈经理/ }).waitFor({ timeout: 120_000 });
  await signIn(page, '陈经理', '900001');
  await page.keyboard.press('Alt+2');
  await expect(page.getByText('共 20000 件')).toBeVisible();
});
