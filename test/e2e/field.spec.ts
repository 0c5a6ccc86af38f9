import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { enrolOverContract, invokeAs, SCREENSHOTS, setUpDesk, signIn, startHost, tempDataDir, type RunningHost } from './browserHost.js';
import { joinCodeFor, joinServer, serverCli, startSyncServer, type SyncServer } from './syncServer.js';

const hosts: RunningHost[] = [];
let server: SyncServer | undefined;
test.afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
  await server?.stop();
});

// 09:00 in Beijing on a Wednesday: the visit is booked for 14:00–16:00 the same day.
const NOW = ['--fixed-clock', '2026-12-02T01:00:00Z'];
const MANAGER = { name: '陈经理', pin: '900001' };
const SUPERVISOR = { name: '李强', pin: '200001' };
const TECHNICIAN = { name: '赵工', pin: '300001' };

async function switchUser(page: Page, who: { name: string; pin: string }) {
  await page.getByRole('button', { name: '切换用户' }).click();
  await signIn(page, who.name, who.pin);
}

/** Picks an option of an antd select by typing part of its name, as a keyboard user does. */
async function pick(page: Page, testId: string, text: string) {
  const select = page.getByTestId(testId);
  await select.click();
  await select.locator('input').fill(text);
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')).toContainText(text);
  await page.keyboard.press('Enter');
  await expect(select).toContainText(text);
  // The list closes with an animation: the next pick must not find this one's active option still there.
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
}

/** A real JPEG, made by the browser itself (the desk re-encodes whatever the camera gives). */
async function cameraPhoto(page: Page, file: string): Promise<void> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1800;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#c9d6df';
    g.fillRect(0, 0, 2400, 1800);
    g.fillStyle = '#52616b';
    g.fillRect(700, 300, 1000, 1300);
    g.fillStyle = '#1e2022';
    g.font = '160px sans-serif';
    g.fillText('WH-VALVE', 760, 1000);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1]!;
  });
  writeFileSync(file, Buffer.from(base64, 'base64'));
}

test('a visit from booking to the customer’s signature, done offline on the technician’s desk, reaches the branch desk', async ({ browser }) => {
  test.setTimeout(180_000);
  const serverDir = tempDataDir();
  serverCli(serverDir, 'admin', 'branch', 'BJ01', '北京一网点');
  const codeA = joinCodeFor(serverDir, 'BJ01', 'A');
  const codeB = joinCodeFor(serverDir, 'BJ01', 'B');
  server = await startSyncServer(serverDir);
  const url = server.url;

  // The branch desk: a supervisor books the visit on the case.
  const branch = await browser.newPage();
  hosts.push(await startHost(tempDataDir(), NOW));
  await setUpDesk(branch, hosts[0]!.url, MANAGER.name);
  await enrolOverContract(branch, MANAGER, [
    { ...SUPERVISOR, role: 'supervisor' },
    { ...TECHNICIAN, role: 'technician' },
  ]);
  await joinServer(branch, url, codeA);
  const created = await invokeAs<{ id: string; caseNumber: string }>(branch, MANAGER, 'case.create', {
    customer: { name: '王女士', phone: '13800138000' },
    channel: 'phone',
    description: '热水器底部一直在漏水，地板都泡了，你们的师傅上次来看过还是漏，我真的很生气！',
    expectation: '今天上门修好',
  });
  await switchUser(branch, SUPERVISOR);
  await branch.keyboard.press('Alt+2');
  await branch.getByRole('button', { name: created.caseNumber }).click();
  await branch.getByTestId('book-visit').click();
  const form = branch.getByTestId('book-form');
  await expect(form.getByLabel('工程师')).toBeVisible();
  await form.getByLabel('上门时段开始').fill('2026-12-02T14:00');
  await form.getByLabel('地址').fill('朝阳区望京西园三区 5 号楼 1201');
  await form.getByLabel('检查要点').fill('热水器底部漏水，查泄压阀');
  await branch.getByRole('button', { name: '预约', exact: true }).click();
  await expect(branch.getByTestId('case-work-orders')).toContainText('12月2日');
  await expect(branch.getByTestId('case-work-orders')).toContainText('14:00–16:00');
  await expect(branch.getByTestId('case-work-orders')).toContainText('工程师：赵工');
  await branch.getByTestId('sync-indicator').click();
  await expect(branch.getByTestId('sync-indicator')).toContainText('已同步');

  // The technician's laptop syncs in the morning, then goes out with no network.
  const laptop = await browser.newPage();
  hosts.push(await startHost(tempDataDir(), NOW));
  await setUpDesk(laptop, hosts[1]!.url, '刘经理', '900001', 'B');
  await joinServer(laptop, url, codeB);
  await switchUser(laptop, TECHNICIAN);
  await expect(laptop.getByRole('heading', { name: '我的工单' })).toBeVisible();
  const job = laptop.getByTestId('job-card');
  await expect(job).toHaveCount(1);
  await expect(job).toContainText('王女士');
  await expect(job).toContainText('朝阳区望京西园三区');
  await expect(job).toContainText('热水器底部一直在漏水');
  await expect(job).toContainText('客户情绪');
  await expect(laptop.getByTestId('job-opening')).toBeVisible();
  await laptop.screenshot({ path: join(SCREENSHOTS, 'field-jobs-zh-CN.png') });
  await server.stop();

  await job.getByRole('button', { name: '打开工单' }).click();
  await laptop.getByTestId('set-off').click();
  await expect(laptop.getByTestId('work-order-status')).toHaveText('在路上');
  await laptop.getByTestId('arrived').click();
  await expect(laptop.getByTestId('work-order-status')).toHaveText('在现场');

  await pick(laptop, 'fault-category', '漏水');
  await laptop.getByLabel('发现的故障（写清楚部位和原因）').fill('泄压阀密封圈老化，底部滴水');
  await laptop.getByRole('button', { name: '保存诊断' }).click();
  await expect(laptop.getByTestId('diagnosis')).toContainText('泄压阀密封圈老化');

  for (const part of ['热水器泄压阀', '热水器镁棒']) {
    await pick(laptop, 'part-select', part);
    await laptop.getByTestId('add-part').click();
    await expect(laptop.getByTestId('parts-table')).toContainText(part);
  }

  const photo = join(tempDataDir(), 'IMG_0001.jpg');
  await cameraPhoto(laptop, photo);
  await laptop.getByText('维修后', { exact: true }).click();
  await laptop.getByTestId('photo-input').setInputFiles(photo);
  await expect(laptop.getByTestId('attachment-image')).toHaveCount(1);

  await laptop.getByLabel('维修内容').fill('更换泄压阀和镁棒，保压测试 30 分钟无渗漏');
  await laptop.getByRole('button', { name: '保存维修内容' }).click();

  const pad = laptop.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await laptop.mouse.move(box.x + 40, box.y + 120);
  await laptop.mouse.down();
  for (const [dx, dy] of [[80, -60], [140, 30], [200, -40], [260, 50], [330, -20]] as const) await laptop.mouse.move(box.x + dx, box.y + 120 + dy, { steps: 6 });
  await laptop.mouse.up();
  await laptop.getByRole('button', { name: '确认签字' }).click();
  await expect(laptop.getByText('签字人：王女士')).toBeVisible();

  await laptop.getByLabel('上门及人工费').fill('50');
  await expect(laptop.getByTestId('total-charge')).toContainText('118.00');
  await laptop.locator('.ant-rate-star').nth(4).click();
  await laptop.getByTestId('complete').click();
  await expect(laptop.getByTestId('work-order-status')).toHaveText('已完工');
  // Still no network: a sync attempt fails and the desk says what is waiting, photos and signature included.
  await laptop.getByTestId('sync-indicator').click();
  await expect(laptop.getByTestId('sync-indicator')).toContainText(/离线（\d+ 条待上传）/);
  await expect(laptop.getByTestId('sync-attachments')).toHaveText('2 个照片/签字待上传');
  await laptop.screenshot({ path: join(SCREENSHOTS, 'field-work-order-zh-CN.png'), fullPage: true });

  // The service report for the customer, printed to PDF.
  await laptop.getByTestId('open-report').click();
  const dialog = laptop.getByRole('dialog');
  await expect(dialog).toContainText('服务报告单');
  await expect(dialog).toContainText(created.caseNumber);
  await expect(dialog).toContainText('¥118.00');
  await expect(dialog.getByTestId('attachment-image')).toHaveCount(2);
  await laptop.evaluate(() => document.body.classList.add('printing-report'));
  await laptop.emulateMedia({ media: 'print' });
  const pdf = join(SCREENSHOTS, 'field-service-report.pdf');
  await laptop.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('服务报告单');
  expect(text).toContain('更换泄压阀和镁棒');
  expect(text).toMatch(/5\s*星/);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, join(SCREENSHOTS, 'field-service-report')]);
  await laptop.emulateMedia({ media: 'screen' });
  await laptop.evaluate(() => document.body.classList.remove('printing-report'));
  await laptop.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Back online in the evening: the events, the photo and the signature go up; the branch desk gets them.
  server = await startSyncServer(serverDir, Number(new URL(url).port));
  await laptop.getByTestId('sync-indicator').click();
  await expect(laptop.getByTestId('sync-indicator')).toContainText('已同步');
  await expect(laptop.getByTestId('sync-attachments')).toHaveCount(0);
  await branch.getByTestId('sync-indicator').click();
  await expect(branch.getByTestId('sync-indicator')).toContainText('已同步');
  const orders = branch.getByTestId('case-work-orders');
  await expect(orders).toContainText('已完工');
  await expect(orders.getByTestId('attachment-image')).toHaveCount(2);
  await expect(orders).toContainText('签字人：王女士');
  await expect(branch.getByTestId('timeline')).toContainText('客户 王女士 已签字确认');
  await branch.screenshot({ path: join(SCREENSHOTS, 'field-branch-case-zh-CN.png'), fullPage: true });

  // The technician's list in English.
  await laptop.getByText('English', { exact: true }).first().click();
  await laptop.getByRole('button', { name: 'Back to my jobs' }).click();
  await expect(laptop.getByRole('heading', { name: 'My jobs' })).toBeVisible();
  await laptop.screenshot({ path: join(SCREENSHOTS, 'field-jobs-en.png') });
});

test('a manager adds a part to the catalogue and publishes it as the next version', async ({ page }) => {
  hosts.push(await startHost(tempDataDir(), NOW));
  await setUpDesk(page, hosts[0]!.url, MANAGER.name);
  await page.keyboard.press('Alt+5');
  await page.getByRole('tab', { name: /配件与故障/ }).click();
  const editor = page.getByTestId('catalogue-editor');
  await expect(editor.getByLabel('名称（简体） 1', { exact: true }).first()).toHaveValue('热水器泄压阀');
  await editor.getByTestId('add-catalogue-part').click();
  const row = String((await invokeAs<{ catalogue: { parts: unknown[] } }>(page, MANAGER, 'library.get', {})).catalogue.parts.length + 1);
  await editor.getByLabel(`编码 ${row}`, { exact: true }).fill('wh-psu');
  await editor.getByLabel(`名称（简体） ${row}`, { exact: true }).fill('热水器电源板');
  await editor.getByLabel(`名称（繁体） ${row}`, { exact: true }).fill('熱水器電源板');
  await editor.getByLabel(`名称（英文） ${row}`, { exact: true }).fill('Water heater power board');
  await editor.getByLabel(`单价 ${row}`, { exact: true }).fill('160');
  await page.getByTestId('publish-catalogue').click();
  await expect(page.getByText('已发布第 2 版')).toBeVisible();
  await expect(page.getByRole('tab', { name: '配件与故障（第 2 版）' })).toBeVisible();
  const library = await invokeAs<{ catalogue: { version: number; parts: Array<{ code: string; unitPrice: number }> } }>(page, MANAGER, 'library.get', {});
  expect(library.catalogue.version).toBe(2);
  expect(library.catalogue.parts.find((p) => p.code === 'WH-PSU')?.unitPrice).toBe(16_000);
  await page.screenshot({ path: join(SCREENSHOTS, 'field-catalogue-zh-CN.png'), fullPage: true });
});
