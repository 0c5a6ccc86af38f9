import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { invokeAs, SCREENSHOTS, setUpDesk, startHost, tempDataDir, type RunningHost } from './browserHost.js';

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const MANAGER = { name: '陈经理', pin: '900001' };
const create = (page: import('@playwright/test').Page, name: string, phone: string, description: string) =>
  invokeAs<{ id: string; caseNumber: string }>(page, MANAGER, 'case.create', { customer: { name, phone }, channel: 'phone', description });

test('search finds 退款, a phone tail, a case-number tail and a zh-TW word, as one types, and Enter opens the case', async ({ page }) => {
  host = await startHost(tempDataDir(), ['--fixed-clock', '2026-11-23T02:00:00Z']);
  await setUpDesk(page, host.url);
  const refund = await create(page, '王女士', '138 0013 8000', '洗衣机坏了三次，要求退款');
  const service = await create(page, '李先生', '13900139000', '售后服务太慢，热水器一直漏水');
  await create(page, '赵女士', '13700137000', '宽带每天晚上断线');

  await page.keyboard.press('Alt+2');
  await page.keyboard.press('/');
  const input = page.getByTestId('search-input');
  await expect(input).toBeFocused();
  await input.fill('退款');
  const results = page.getByTestId('search-result');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText(refund.caseNumber);
  await expect(results.first().locator('mark')).toHaveText('退款');
  await page.screenshot({ path: join(SCREENSHOTS, 'search-zh-CN.png') });

  await input.fill('8000');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('王女士');
  await input.fill(service.caseNumber.slice(-4));
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText(service.caseNumber);
  // Traditional characters find the simplified record.
  await input.fill('售後');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('李先生');
  await input.press('Enter');
  await expect(page.getByTestId('case-title')).toHaveText(service.caseNumber);

  // A manager exports what a search finds as CSV.
  await page.keyboard.press('/');
  await page.getByTestId('search-input').fill('漏水');
  await expect(results).toHaveCount(1);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('search-export-csv').click();
  const csv = readFileSync(await (await downloading).path(), 'utf8');
  expect(csv.trimEnd().split('\r\n')).toHaveLength(2);
  expect(csv).toContain(service.caseNumber);
  await page.keyboard.press('Escape');

  // Ctrl+K from anywhere, also inside a text field.
  await page.keyboard.press('Alt+1');
  await page.getByLabel('客户姓名').focus();
  await page.keyboard.press('Control+k');
  await page.getByTestId('search-input').fill('不存在的词语');
  await expect(page.getByText('没有找到与“不存在的词语”有关的案件')).toBeVisible();
});

test('search in English', async ({ page }) => {
  host = await startHost(tempDataDir(), ['--fixed-clock', '2026-11-23T02:00:00Z']);
  await setUpDesk(page, host.url);
  await invokeAs(page, MANAGER, 'settings.setLocale', { locale: 'en' });
  await create(page, 'Ms Brown', '13700137000', 'The router keeps dropping; I want a refund');
  await page.reload();
  await page.getByLabel('PIN or password').fill('900001');
  await page.keyboard.press('Enter');
  await page.getByTestId('open-search').click();
  await page.getByTestId('search-input').fill('refu');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await page.screenshot({ path: join(SCREENSHOTS, 'search-en.png') });
});
