import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { enrolOverContract, invokeAs, SCREENSHOTS, setUpDesk, signIn, startHost, tempDataDir, type RunningHost } from './browserHost.js';

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const MANAGER = { name: '陈经理', pin: '900001' };

/**
 * Latin-script words a Chinese screen may show: codes in capitals (case numbers, desk codes, PIN),
 * key names, units, the product name Excel and the language switch's own "English". Anything else — a lower-case key, a
 * hex device id, an English sentence — is something the clerk was never meant to read.
 */
const ALLOWED = /^(?:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*|Alt|Ctrl|Enter|Esc|Shift|English|Excel|mm)$/;

async function latinLeaks(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const words = text.match(/[A-Za-z][A-Za-z0-9_.:/-]*/g) ?? [];
  return [...new Set(words.filter((w) => !ALLOWED.test(w.replace(/[.:/-]+$/, ''))))];
}

test('every screen in zh-CN speaks Chinese: no internal keys, ids or English sentences', async ({ page }) => {
  const dataDir = tempDataDir();
  host = await startHost(dataDir, ['--fixed-clock', '2026-11-23T02:00:00Z']);
  await setUpDesk(page, host.url);
  await enrolOverContract(page, MANAGER, [
    { name: '张敏', role: 'clerk', pin: '100001' },
    { name: '李强', role: 'supervisor', pin: '200001' },
  ]);
  const late = await invokeAs<{ id: string; caseNumber: string }>(page, MANAGER, 'case.create', {
    customer: { name: '王女士', phone: '13800138000' },
    channel: 'phone',
    description: '热水器漏水，师傅一直没上门',
  });
  const rated = await invokeAs<{ id: string; caseNumber: string }>(page, MANAGER, 'case.create', {
    customer: { name: '李先生', phone: '13900139000' },
    channel: 'walk_in',
    description: '营业厅排队两个小时没人理',
    classification: { severity: 3, major: false, nature: 'valid', communicationKind: null, content: 'quality', cause: 'service_level', motive: 'emotional' },
  });
  for (const [type, payload] of [
    ['customer_contacted', { summary: '已回电致歉' }],
    ['investigated', { findings: '叫号机故障' }],
    ['proposal_made', { remedy: '更换叫号机并致歉' }],
  ] as const) {
    await invokeAs(page, MANAGER, 'case.act', { id: rated.id, action: { type, payload } });
  }
  await invokeAs(page, { name: '李强', pin: '200001' }, 'case.act', { id: rated.id, action: { type: 'approved', payload: {} } });
  for (const [type, payload] of [
    ['executed', { summary: '已更换' }],
    ['feedback_given', { summary: '已告知客户' }],
  ] as const) {
    await invokeAs(page, MANAGER, 'case.act', { id: rated.id, action: { type, payload } });
  }

  // A day later nobody has called the first customer back: the desk escalates it by itself.
  await host.stop();
  host = await startHost(dataDir, ['--fixed-clock', '2026-11-24T03:00:00Z']);
  await page.goto(host.url);
  await expect(page.getByText('请选择您的姓名并输入 PIN')).toBeVisible();
  expect(await latinLeaks(page), 'sign-in').toEqual([]);
  await signIn(page, '陈经理', '900001');

  await page.getByLabel('客户反映的问题').fill('你们再不处理我就找记者曝光，还要去12315投诉！');
  await expect(page.getByTestId('major-because')).toBeVisible();
  expect(await latinLeaks(page), 'intake').toEqual([]);

  await page.keyboard.press('Alt+2');
  await expect(page.locator('.ant-table-row')).toHaveCount(2);
  expect(await latinLeaks(page), 'queue').toEqual([]);

  await page.getByRole('button', { name: late.caseNumber }).click();
  await expect(page.getByTestId('timeline')).toContainText('安心台自动处理');
  expect(await latinLeaks(page), 'case with an automatic escalation').toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'case-auto-escalated-zh-CN.png'), fullPage: true });
  await page.getByRole('button', { name: '王女士' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await latinLeaks(page), 'customer').toEqual([]);
  await page.keyboard.press('Escape');

  // The follow-up form: clicking the chosen answer again keeps it, and saving works.
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: rated.caseNumber }).click();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('v');
  const dialog = page.getByRole('dialog');
  await dialog.getByText('满意', { exact: true }).click();
  await dialog.getByText('满意', { exact: true }).click();
  await dialog.getByText('已解决', { exact: true }).click();
  expect(await latinLeaks(page), 'follow-up form').toEqual([]);
  await dialog.getByLabel('客户建议').focus();
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('timeline')).toContainText('回访：满意，问题已解决');
  expect(await latinLeaks(page), 'case after follow-up').toEqual([]);

  await page.keyboard.press('Alt+3');
  await expect(page.getByText('现在没有要回访的客户')).toBeVisible();
  expect(await latinLeaks(page), 'follow-up').toEqual([]);
  await page.keyboard.press('Alt+4');
  await expect(page.getByText('投诉报表')).toBeVisible();
  await expect(page.getByTestId('report-totals')).toBeVisible();
  expect(await latinLeaks(page), 'reports').toEqual([]);
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('main')).toBeVisible();
  expect(await latinLeaks(page), 'scripts and answers').toEqual([]);
  await page.keyboard.press('Alt+6');
  await expect(page.getByText('处理时限').first()).toBeVisible();
  expect(await latinLeaks(page), 'settings').toEqual([]);
  // The training corpora's credits, behind their heading (names and citations stay as published).
  await page.getByText('训练数据集（6 个）').click();
  await expect(page.getByTestId('training-corpora')).toContainText('GoEmotions · CC BY 4.0');
  await page.getByTestId('training-corpora').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, 'settings-licences-zh-CN.png'), fullPage: true });
});

test('the queue colours due-soon and overdue rows', async ({ page }) => {
  const dataDir = tempDataDir();
  host = await startHost(dataDir, ['--fixed-clock', '2026-11-23T02:00:00Z']);
  await setUpDesk(page, host.url);
  for (const [name, phone] of [
    ['甲先生', '13800000001'],
    ['乙女士', '13800000002'],
  ]) {
    await invokeAs(page, MANAGER, 'case.create', { customer: { name, phone }, channel: 'phone', description: `${name}反映热水器漏水` });
  }
  await host.stop();
  // 55 minutes later both are due soon; after 65 both are overdue.
  host = await startHost(dataDir, ['--fixed-clock', '2026-11-23T02:55:00Z']);
  await page.goto(host.url);
  await signIn(page, '陈经理', '900001');
  await page.keyboard.press('Alt+2');
  const cell = page.locator('.ant-table-row').first().locator('.ant-table-cell').first();
  await expect(cell).toHaveCSS('background-color', 'rgb(255, 247, 230)');
  await host.stop();
  host = await startHost(dataDir, ['--fixed-clock', '2026-11-23T03:05:00Z']);
  await page.goto(host.url);
  await signIn(page, '陈经理', '900001');
  await page.keyboard.press('Alt+2');
  await expect(page.locator('.ant-table-row').first().locator('.ant-table-cell').first()).toHaveCSS('background-color', 'rgb(255, 241, 240)');
  await page.screenshot({ path: join(SCREENSHOTS, 'queue-overdue-rows-zh-CN.png') });
});

for (const width of [1280, 1440]) {
  test(`the English top bar and menu fit at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    host = await startHost(tempDataDir());
    await setUpDesk(page, host.url, '欧阳晓明经理');
    await page.getByRole('banner').getByText('English').click();
    await expect(page.getByRole('menu')).toContainText('Scripts & answers');
    const title = page.locator('.top-title');
    const box = (await title.boundingBox())!;
    expect(box.height).toBeLessThan(40); // one line: "CalmDesk", not "CalmDes / k"
    const banner = (await page.getByRole('banner').boundingBox())!;
    expect(banner.height).toBeLessThanOrEqual(64);
    for (const locator of [page.getByTestId('signed-in'), ...(await page.locator('.nav-label').all())]) {
      const clipped = await locator.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      expect(clipped, await locator.innerText()).toBe(false);
    }
    await page.screenshot({ path: join(SCREENSHOTS, `top-bar-en-${width}.png`) });
  });
}
