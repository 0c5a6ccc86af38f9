import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { invokeAs, SCREENSHOTS, setUpDesk, signIn, startHost, tempDataDir, type RunningHost } from './browserHost.js';

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const MANAGER = { name: '陈经理', pin: '900001' };
const complaint = (name: string, phone: string) => ({ customer: { name, phone }, channel: 'phone', description: `${name}反映热水器漏水`, expectation: '' });

/** Starts the desk with its clock at a Beijing wall time on Monday 23 November 2026. */
async function at(dataDir: string, beijing: string, page: import('@playwright/test').Page) {
  await host?.stop();
  host = await startHost(dataDir, ['--fixed-clock', `2026-11-23T${beijing}:00+08:00`]);
  await page.goto(host.url);
}

test('the queue shows overdue, due-soon and on-time cases in that order, and the case says how late it is', async ({ page }) => {
  const dataDir = tempDataDir();
  await at(dataDir, '10:00', page);
  await setUpDesk(page, host!.url);
  await invokeAs(page, MANAGER, 'case.create', complaint('甲先生', '13800000001')); // classify due 11:00
  await at(dataDir, '10:55', page);
  await invokeAs(page, MANAGER, 'case.create', complaint('乙女士', '13800000002')); // classify due 11:55
  await at(dataDir, '11:39', page);
  await invokeAs(page, MANAGER, 'case.create', complaint('丙先生', '13800000003')); // classify due 12:39
  await at(dataDir, '11:41', page);
  await signIn(page, '陈经理', '900001');
  await expect(page.getByText('1 件已逾期，1 件即将到期')).toBeVisible();

  await page.keyboard.press('Alt+2');
  const rows = page.locator('.ant-table-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('甲先生');
  await expect(rows.nth(0).getByTestId('due')).toHaveAttribute('data-clock', 'overdue');
  await expect(rows.nth(0)).toContainText('已逾期 · 今天 11:00');
  await expect(rows.nth(1)).toContainText('乙女士');
  await expect(rows.nth(1).getByTestId('due')).toHaveAttribute('data-clock', 'due_soon');
  await expect(rows.nth(2)).toContainText('丙先生');
  await expect(rows.nth(2).getByTestId('due')).toHaveAttribute('data-clock', 'ok');
  await page.screenshot({ path: join(SCREENSHOTS, 'queue-deadlines-zh-CN.png') });

  await rows.nth(0).getByRole('button').first().click();
  await expect(page.getByTestId('clock')).toHaveAttribute('data-state', 'overdue');
  await expect(page.getByTestId('clock')).toContainText('分类定级：已逾期 41 分钟');
  await page.screenshot({ path: join(SCREENSHOTS, 'case-overdue-zh-CN.png') });
});

test('a manager publishes next year\'s holidays without a new release', async ({ page }) => {
  host = await startHost(tempDataDir());
  await setUpDesk(page, host.url);
  await page.keyboard.press('Alt+6');
  await page.getByLabel('年份').fill('2027');
  await page.getByPlaceholder('2027-01-01 休').fill('2027-01-01 休\n2027-02-06 班\n2027-13-01 休');
  await expect(page.getByText('看不懂这些行：2027-13-01 休')).toBeVisible();
  await page.getByPlaceholder('2027-01-01 休').fill('2027-01-01 休\n2027-02-06 班');
  await page.getByRole('button', { name: '发布 2027 年日历' }).click();
  await expect(page.getByText('2027：1 天假日，1 天调休上班')).toBeVisible();

  // A shorter approval for major complaints, as an override, published as policy version 2.
  await page.getByRole('button', { name: '添加规则' }).click();
  await expect(page.getByTestId('override-row')).toHaveCount(1);
  await page.getByRole('button', { name: '发布新版时限' }).click();
  await expect(page.getByText('当前为第 2 版')).toBeVisible();
  await expect(page.getByTestId('override-row')).toHaveCount(1);
  await page.screenshot({ path: join(SCREENSHOTS, 'settings-deadlines-zh-CN.png'), fullPage: true });
});

test('a desk back after the Spring Festival opens at once and catches up on escalations and alarms in the background, showing its progress', async ({ page }) => {
  const dataDir = tempDataDir();
  // 3,000 cases nobody has looked at, received in November; the desk comes back on 1 December.
  execFileSync(process.execPath, ['--import', 'tsx', 'test/fixtures/seedCases.ts', dataDir, '3000', 'unclassified']);
  // Batches of two, so the catch-up outlasts signing in and opening the queue on a fast machine too
  // (with batches of ten it was sometimes over before the queue showed).
  host = await startHost(dataDir, ['--fixed-clock', '2026-12-01T02:00:00Z', '--tick-batch', '2']);
  await page.goto(host.url);
  await signIn(page, '陈经理', '900001');
  // The queue answers while the escalations are still being written, batch by batch.
  await page.keyboard.press('Alt+2');
  await expect(page.getByText('共 3000 件')).toBeVisible();
  const progress = page.getByTestId('catch-up-progress');
  await expect(progress).toContainText('正在补做到期处理：已自动升级');
  await page.screenshot({ path: join(SCREENSHOTS, 'catch-up-zh-CN.png') });
  await expect(progress).toBeHidden({ timeout: 120_000 });
  // Done: every case graded by the automatic escalation, and one summary of what is late, not 3,000 notices.
  // Seeded from 2 November 09:00 Beijing, 100 a day a minute apart; no contact for 24 hours escalates.
  const received = Array.from({ length: 3000 }, (_, i) => Date.parse('2026-11-02T01:00:00Z') + Math.floor(i / 100) * 86_400_000 + (i % 100) * 60_000);
  const due = received.filter((at) => at + 24 * 3_600_000 <= Date.parse('2026-12-01T02:00:00Z')).length;
  expect((await invokeAs<{ total: number }>(page, MANAGER, 'case.list', { severity: 3, limit: 1 })).total).toBe(due);
  await expect(page.locator('.ant-notification-notice')).toHaveCount(1);
  await expect(page.locator('.ant-notification-notice')).toContainText(/\d+ 件已逾期，\d+ 件即将到期/);
});
