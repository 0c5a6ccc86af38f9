import { expect, test, type Page } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { enrolOverContract, invokeAs, SCREENSHOTS, setUpDesk, signIn, startHost, tempDataDir, type RunningHost } from './browserHost.js';

// 02:00 UTC is 10:00 on Monday 23 November 2026 in Beijing.
const FIXED_CLOCK = ['--fixed-clock', '2026-11-23T02:00:00Z'];
const MANAGER = { name: '陈经理', pin: '900001' };

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function fillIntake(page: Page, description: string) {
  await page.getByLabel('客户姓名').fill('王女士');
  await page.getByLabel('联系电话').fill('13800138000');
  await page.getByText('电话', { exact: true }).click();
  await page.getByLabel('客户反映的问题').fill(description);
}

test('Ctrl+Enter pressed twice, and the same form sent again, make one case', async ({ page }) => {
  host = await startHost(tempDataDir(), FIXED_CLOCK);
  await setUpDesk(page, host.url);
  await fillIntake(page, '热水器漏水，师傅一直没上门');
  await page.getByLabel('客户反映的问题').focus();
  // Two presses as fast as a keyboard sends them, before the first answer is back.
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  await expect(page.getByTestId('case-number')).toHaveText('BJ01-A-20261123-0001');
  await page.getByRole('button', { name: '受理下一位' }).click();
  await page.keyboard.press('Alt+2');
  await expect(page.getByText('共 1 件')).toBeVisible();
  await expect(page.locator('.ant-table-row')).toHaveCount(1);
});

test('a draft typed without a pause is saved while typing, and "saved" means the latest text', async ({ page }) => {
  const dataDir = tempDataDir();
  host = await startHost(dataDir);
  await setUpDesk(page, host.url);
  await page.getByLabel('客户姓名').fill('李先生');
  const first = '营业厅排队两个小时，工作人员态度冷淡，';
  const second = '叫号系统坏了也没人说明，老人小孩都在站着等，我要求给个说法。';
  const box = page.getByLabel('客户反映的问题');
  await box.click();
  // One unbroken run of keystrokes: a debounced save would never fire during it.
  await box.pressSequentially(first + second, { delay: 40 });
  await host.stop('SIGKILL');

  host = await startHost(dataDir);
  await page.goto(host.url);
  await signIn(page, '陈经理', '900001');
  await expect(page.getByText(/已恢复 .* 未提交的草稿/)).toBeVisible();
  const restored = await page.getByLabel('客户反映的问题').inputValue();
  // Everything typed up to the last fraction of a second is there, nothing that was not typed.
  expect((first + second).startsWith(restored)).toBe(true);
  expect(restored.length).toBeGreaterThanOrEqual(first.length);

  // Once the status says saved, the very latest text is what a crash leaves behind.
  await page.getByLabel('客户反映的问题').fill(`${first}${second}（已核对）`);
  await expect(page.getByTestId('draft-status')).toHaveAttribute('data-state', 'saved');
  await host.stop('SIGKILL');
  host = await startHost(dataDir);
  await page.goto(host.url);
  await signIn(page, '陈经理', '900001');
  await expect(page.getByLabel('客户反映的问题')).toHaveValue(`${first}${second}（已核对）`);
});

test('when the desk service stops answering, every screen says so and nothing typed is lost', async ({ page }) => {
  host = await startHost(tempDataDir(), FIXED_CLOCK);
  await setUpDesk(page, host.url);
  await fillIntake(page, '宽带断了三天');
  await host.stop('SIGKILL');
  await page.getByLabel('客户反映的问题').fill('宽带断了三天，客服电话一直占线');
  await expect(page.getByTestId('draft-status')).toHaveText('草稿未保存：本机服务没有响应');
  await expect(page.getByTestId('desk-not-answering')).toBeVisible();
  await expect(page.getByTestId('sync-indicator')).toHaveText('本机服务无响应');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: '后台服务没有响应' })).toBeVisible();
  await expect(page.getByLabel('客户反映的问题')).toHaveValue('宽带断了三天，客服电话一直占线');
  await page.screenshot({ path: join(SCREENSHOTS, 'desk-not-answering-zh-CN.png') });
});

/** Prints the receipt the way the button does (the print dialog itself stubbed) and saves what Chromium would print. */
async function printReceipt(page: Page, file: string): Promise<{ pages: number; widthPt: number; text: string }> {
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByRole('button', { name: '打印回执' }).click();
  // The receipt alone on its paper, or the PDF would be the whole screen on the default page (seen once in CI).
  await expect(page.locator('body')).toHaveClass(/printing-receipt/);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const widthPt = Number(/Page size:\s+([\d.]+) x/.exec(info)![1]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, file.replace(/\.pdf$/, '')]);
  return { pages, widthPt, text };
}

test('the receipt is one page with the branch, hotline, handler and the promised contact as a date, on A4 and on the 80 mm printer', async ({ page }) => {
  host = await startHost(tempDataDir(), FIXED_CLOCK);
  await setUpDesk(page, host.url);
  await invokeAs(page, MANAGER, 'settings.set', { branchName: '北京朝阳营业厅', hotline: '400-800-1234' });
  await page.reload();
  await signIn(page, '陈经理', '900001');
  await fillIntake(page, '热水器漏水，师傅说好昨天上门一直没来。'.repeat(12));
  await page.getByLabel('客户期望').fill('今天上门修好');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('case-number')).toHaveText('BJ01-A-20261123-0001');

  const a4 = await printReceipt(page, join(SCREENSHOTS, 'receipt-a4.pdf'));
  expect(a4.pages).toBe(1);
  expect(a4.widthPt).toBeCloseTo(595.3, 0);
  for (const line of ['北京朝阳营业厅', '400-800-1234', '陈经理', '王女士', 'BJ01-A-20261123-0001', '今天上门修好', '2026年11月23日 10:00']) expect(a4.text).toContain(line);
  // The contact limit is two working hours: 12:00 the same day, written as a date, not "today".
  expect(a4.text).toMatch(/最迟联系时间\s+2026年11月23日 12:00/);
  expect(a4.text).not.toContain('今天 ');

  await invokeAs(page, MANAGER, 'settings.set', { receiptPaper: 'thermal80' });
  await page.getByRole('button', { name: '受理下一位' }).click();
  await page.reload();
  await signIn(page, '陈经理', '900001');
  await fillIntake(page, '宽带每天晚上断线');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('case-number')).toHaveText('BJ01-A-20261123-0002');
  const roll = await printReceipt(page, join(SCREENSHOTS, 'receipt-80mm.pdf'));
  expect(roll.pages).toBe(1);
  expect(roll.widthPt).toBeCloseTo((80 / 25.4) * 72, 0);
  expect(roll.text).toContain('BJ01-A-20261123-0002');
});

test('store counter mode: the shortest intake, nothing but intake for the clerk, and a media threat still makes the case major', async ({ page }) => {
  host = await startHost(tempDataDir(), FIXED_CLOCK);
  await setUpDesk(page, host.url);
  await enrolOverContract(page, MANAGER, [
    { name: '周店员', role: 'clerk', pin: '100001' },
    { name: '李强', role: 'supervisor', pin: '200001' },
  ]);
  await invokeAs(page, MANAGER, 'settings.set', { counterMode: true, receiptPaper: 'thermal80' });
  await page.reload();
  await signIn(page, '周店员', '100001');
  await expect(page.getByText('门店受理')).toBeVisible();
  await expect(page.getByRole('menu').getByRole('menuitem')).toHaveCount(1);
  await expect(page.getByText('受理渠道')).toHaveCount(0);
  await expect(page.getByTestId('intake-classification')).toHaveCount(0);

  await page.getByLabel('客户姓名').fill('赵女士');
  await page.getByLabel('联系电话').fill('13900139000');
  await page.getByLabel('客户反映的问题').fill('新买的洗衣机漏电，差点电到孩子，你们不处理我就找电视台曝光');
  await expect(page.getByTestId('counter-major')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'counter-intake-zh-CN.png') });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('case-number')).toHaveText('BJ01-A-20261123-0001');
  await expect(page.getByRole('button', { name: '查看案件' })).toHaveCount(0);
  await page.getByRole('button', { name: '受理下一位' }).click();
  await page.keyboard.press('Alt+2');
  await expect(page.getByText('工作台')).toHaveCount(0);

  // Switching the person at the counter takes two keys; the supervisor sees the whole branch.
  await page.keyboard.press('Alt+U');
  await signIn(page, '李强', '200001');
  await page.keyboard.press('Alt+2');
  await expect(page.locator('.ant-table-row')).toHaveCount(1);
  const list = await invokeAs<{ items: Array<{ major: boolean; severity: number; channel: string }> }>(page, MANAGER, 'case.list', {});
  expect(list.items[0]).toMatchObject({ major: true, severity: 1, channel: 'walk_in' });
});

test('the classify dialog of an unclassified case starts from what the customer said', async ({ page }) => {
  host = await startHost(tempDataDir(), FIXED_CLOCK);
  await setUpDesk(page, host.url);
  const created = await invokeAs<{ id: string; caseNumber: string }>(page, MANAGER, 'case.create', {
    customer: { name: '孙先生', phone: '13700137000' },
    channel: 'phone',
    description: '你们柜台那个员工态度太差了，对我大吼大叫，我要投诉他',
  });
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: created.caseNumber }).click();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('k');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('radio', { name: '服务态度' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: '服务人员素质' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: '三级投诉' })).not.toBeChecked();
  await page.screenshot({ path: join(SCREENSHOTS, 'classify-prefilled-zh-CN.png') });
});

test('a damaged database gets a page that says so and restores the newest backup, and the desk opens again', async ({ page }) => {
  const dataDir = tempDataDir();
  host = await startHost(dataDir, FIXED_CLOCK);
  await setUpDesk(page, host.url);
  await fillIntake(page, '热水器漏水');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('case-number')).toHaveText('BJ01-A-20261123-0001');
  // A day later the running desk takes its daily backup in the background, this case in it.
  await host.stop();
  host = await startHost(dataDir, ['--fixed-clock', '2026-11-24T03:00:00Z']);
  const backups = () => (existsSync(join(dataDir, 'backups')) ? readdirSync(join(dataDir, 'backups')).filter((f) => f.endsWith('.bak')) : []);
  await expect.poll(() => backups().some((f) => f.includes('20261124T03'))).toBe(true);
  await host.stop();
  const fd = openSync(join(dataDir, 'calmdesk.sqlite'), 'r+');
  writeSync(fd, Buffer.alloc(100), 0, 100, 0);
  closeSync(fd);

  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/browserHost/cli.ts', '--data-dir', dataDir, ...FIXED_CLOCK], { stdio: ['ignore', 'pipe', 'pipe'] });
  host = { url: '', process: child, stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))) };
  const url = await new Promise<string>((resolve) => {
    let out = '';
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
  });
  await page.goto(url);
  await expect(page.getByText('本机的数据文件已损坏')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'damaged-database-zh-CN.png') });
  await page.getByRole('button', { name: '用最近的备份恢复' }).click();
  await expect(page.getByRole('status')).toHaveText('已用备份恢复，正在重新打开…');
  await expect(page.getByText('请选择您的姓名并输入 PIN')).toBeVisible({ timeout: 15_000 });
  await signIn(page, '陈经理', '900001');
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('button', { name: 'BJ01-A-20261123-0001' })).toBeVisible();
});
