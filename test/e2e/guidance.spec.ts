import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { enrolOverContract, SCREENSHOTS, setUpDesk, signIn, startHost, tempDataDir, type RunningHost } from './browserHost.js';

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('an angry complaint with a media threat gets the calming step, the major-complaint banner, and a locked solve step', async ({ page }) => {
  host = await startHost(tempDataDir());
  await setUpDesk(page, host.url);
  await enrolOverContract(page, { name: '陈经理', pin: '900001' }, [{ name: '张敏', role: 'clerk', pin: '100001' }]);
  await page.keyboard.press('Alt+U');
  await signIn(page, '张敏', '100001');

  await page.getByLabel('客户姓名').fill('王女士');
  await page.getByLabel('联系电话').fill('13800138000');
  await page.getByLabel('客户反映的问题').pressSequentially('热水器漏水三天了，师傅说好昨天上门又没来，你们这是什么服务？再不解决我就找记者曝光！', { delay: 5 });

  const panel = page.getByTestId('guidance-panel');
  await expect(panel.getByTestId('banner-media')).toContainText('按重大投诉上报');
  await expect(panel.getByTestId('temperature')).toHaveAttribute('data-level', '3');
  await expect(panel.getByTestId('signals')).toContainText('媒体曝光：记者、曝光');
  // The clerk sees which words set the temperature.
  await expect(panel.getByTestId('heat-words')).toContainText('读到：不解决、这是什么服务、又没来');
  await expect(panel.getByTestId('say-now')).toContainText('王女士，您的心情我完全理解');
  await expect(panel.getByTestId('locked-explain')).toBeVisible();
  await expect(panel.getByTestId('locked-resolve')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'guidance-angry-media-zh-CN.png'), fullPage: true });

  await panel.getByTestId('done-calm').click();
  await expect(panel.getByTestId('locked-explain')).toBeHidden();
  await expect(panel.getByTestId('say-now')).toContainText('当时约定的是哪一天');

  // The standard answer for repair visits matches what the customer said.
  await expect(panel).toContainText('上门维修预约');

  await page.getByText('电话', { exact: true }).click();
  await page.keyboard.press('Control+Enter');
  const caseNumber = (await page.getByTestId('case-number').textContent())!;
  await page.getByRole('button', { name: '查看案件' }).click();
  await expect(page.getByTestId('case-title')).toHaveText(caseNumber);
  // The case carries the script version shown and the steps done, and keeps guiding on its own screen.
  await expect(page.getByTestId('guidance-panel').getByTestId('banner-media')).toBeVisible();
  await page.getByTestId('guidance-panel').getByTestId('done-listen').click();
  await expect(page.getByTestId('timeline')).toContainText('话术步骤完成：倾听与澄清');

  // The clerk's own words are checked: pushing the customer to another department is flagged.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await page.getByRole('dialog').getByLabel('备注').fill('已告知客户这事不归我们管，让她找厂家');
  await expect(page.getByTestId('wording-warning')).toContainText('推诿');
  await page.screenshot({ path: join(SCREENSHOTS, 'guidance-wording-warning-zh-CN.png') });
});

test('the panel speaks English and reads English complaints', async ({ page }) => {
  host = await startHost(tempDataDir());
  await setUpDesk(page, host.url);
  await page.getByText('English', { exact: true }).first().click();
  await page.getByLabel('Customer name').fill('Ms Wang');
  await page.getByLabel('What happened').fill('This is the THIRD time the technician never showed up. I am sick of this and I will sue you.');
  const panel = page.getByTestId('guidance-panel');
  await expect(panel.getByTestId('banner-legal')).toContainText('report as a major complaint');
  await expect(panel.getByTestId('heat-words')).toContainText('Heard: sick of, third time');
  await expect(panel.getByTestId('say-now')).toContainText('Ms Wang, I completely understand');
  await expect(panel.getByTestId('locked-resolve')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'guidance-angry-legal-en.png'), fullPage: true });
});

test('a manager edits a standard answer, sees what changed, and publishes the next version', async ({ page }) => {
  host = await startHost(tempDataDir());
  await setUpDesk(page, host.url);
  await page.keyboard.press('Alt+5');
  await page.getByRole('listitem').filter({ hasText: '上门维修预约' }).getByRole('button', { name: '编辑' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('答复内容 (zh-CN)').fill('我们会在 1 小时内与您确认上门时间，师傅出发前先电话联系您。');
  await expect(dialog.getByTestId('library-changes')).toContainText('将修改 1 处');
  await page.screenshot({ path: join(SCREENSHOTS, 'library-edit-answer-zh-CN.png') });
  await dialog.getByRole('button', { name: '发布新版本' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: '上门维修预约' })).toContainText('第 2 版');
  await expect(page.getByRole('listitem').filter({ hasText: '上门维修预约' })).toContainText('1 小时内与您确认上门时间');
});

test('a manager adds a word to the lexicon, tries it on a sentence, and publishes it to the guidance', async ({ page }) => {
  host = await startHost(tempDataDir());
  await setUpDesk(page, host.url);
  await page.keyboard.press('Alt+5');
  await page.getByRole('tab', { name: /词库/ }).click();
  await page.getByLabel('词语').fill('发到头条');
  // Typed into the kind's list: a long list scrolls, and an option out of view is not drawn.
  await page.getByRole('combobox', { name: '作用' }).fill('媒体曝光');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-select').nth(1)).toContainText('媒体曝光');
  await page.getByRole('button', { name: '添加', exact: true }).click();
  // A judgement word makes a customer upset, never angry on its own.
  await page.getByLabel('词语').fill('鬼影');
  await page.getByRole('combobox', { name: '作用' }).fill('评价词');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-select').nth(1)).toContainText('评价词（算不满）');
  await page.getByRole('button', { name: '添加', exact: true }).click();
  const trial = page.getByTestId('lexicon-trial');
  await page.getByLabel('输入一句客户的话，试试效果').fill('电视屏幕有鬼影');
  await expect(trial.locator('div').nth(0)).toContainText('平静');
  await expect(trial.locator('div').nth(1)).toContainText('不满');
  await page.getByLabel('输入一句客户的话，试试效果').fill('不处理我就把这件事发到头条');
  await expect(trial).toContainText('发布后：');
  await expect(trial.locator('div').nth(1)).toContainText('媒体曝光：发到头条');
  await expect(trial.locator('div').nth(0)).not.toContainText('媒体曝光');
  await page.screenshot({ path: join(SCREENSHOTS, 'library-lexicon-zh-CN.png') });
  await page.getByRole('button', { name: '发布新版本' }).click();
  await expect(page.getByRole('tab', { name: '词库（第 2 版）' })).toBeVisible();

  await page.keyboard.press('Alt+1');
  await page.getByLabel('客户反映的问题').fill('不处理我就把这件事发到头条');
  await expect(page.getByTestId('guidance-panel').getByTestId('banner-media')).toBeVisible();
});
