import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, setUpDesk, signIn, startHost, tempDataDir, type RunningHost } from './browserHost.js';

// 02:00 UTC is 10:00 in Beijing: the case number carries the branch's date.
const FIXED_CLOCK = ['--fixed-clock', '2026-11-22T02:00:00Z'];

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function fillIntakeWithKeyboard(page: Page) {
  await expect(page.getByLabel('客户姓名')).toBeFocused();
  await page.keyboard.type('王女士');
  await page.keyboard.press('Tab');
  await page.keyboard.type('138 0013 8000');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // 到店
  await page.keyboard.press('ArrowRight'); // 电话
  await page.keyboard.press('Tab');
  await page.keyboard.type('上周买的热水器漏水，已经打了三次电话都没人上门，地板都泡坏了！');
  await page.keyboard.press('Tab');
  await page.keyboard.type('尽快上门维修，赔偿地板损失');
}

test('takes a complaint in zh-CN with the keyboard, finds it in the queue and again after a restart', async ({ page }) => {
  const dataDir = tempDataDir();
  host = await startHost(dataDir, FIXED_CLOCK);
  await page.goto(host.url);
  await expect(page.getByText('首次使用：创建经理账号')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'setup-zh-CN.png') });
  await setUpDesk(page, host.url);
  await expect(page.getByText('受理投诉').first()).toBeVisible();

  await fillIntakeWithKeyboard(page);
  await page.keyboard.press('Control+Enter');

  const caseNumber = page.getByTestId('case-number');
  await expect(caseNumber).toHaveText('BJ01-A-20261122-0001');
  await expect(page.getByText('请向客户读出受理编号')).toBeVisible();
  await page.waitForTimeout(500); // let the dialog finish its opening animation
  await page.screenshot({ path: join(SCREENSHOTS, 'intake-case-number-zh-CN.png') });

  await page.keyboard.press('Enter'); // 受理下一位 has the focus
  await expect(caseNumber).toBeHidden();
  await expect(page.getByLabel('客户姓名')).toHaveValue('');

  await page.keyboard.press('Alt+2');
  await expect(page.getByText('共 1 件')).toBeVisible();
  await page.getByRole('button', { name: 'BJ01-A-20261122-0001' }).click();
  await expect(page.getByTestId('case-title')).toHaveText('BJ01-A-20261122-0001');
  await expect(page.getByTestId('timeline')).toContainText('受理投诉（电话）');
  await expect(page.getByTestId('tell-customer')).toContainText('受理编号 BJ01-A-20261122-0001');

  await page.keyboard.press('n'); // 添加备注
  await page.getByRole('dialog').getByLabel('备注').fill('已致电客户，约定明天上午上门');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('timeline')).toContainText('已致电客户，约定明天上午上门');

  await host.stop();
  host = await startHost(dataDir, FIXED_CLOCK);
  await page.goto(host.url);
  await signIn(page, '陈经理', '900001');
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: 'BJ01-A-20261122-0001' }).click();
  await expect(page.getByText('上周买的热水器漏水，已经打了三次电话都没人上门，地板都泡坏了！')).toBeVisible();
  await expect(page.getByText('尽快上门维修，赔偿地板损失')).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('受理投诉（电话）');
  await expect(page.getByTestId('timeline')).toContainText('已致电客户，约定明天上午上门');

  // The next complaint of the day gets the next number.
  await page.keyboard.press('Alt+1');
  await fillIntakeWithKeyboard(page);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('case-number')).toHaveText('BJ01-A-20261122-0002');
});

test('a draft typed before the app is killed is there on the next start', async ({ page }) => {
  const dataDir = tempDataDir();
  host = await startHost(dataDir);
  await setUpDesk(page, host.url);
  await page.getByLabel('客户姓名').fill('李先生');
  await page.getByLabel('客户反映的问题').fill('营业厅排队两个小时，工作人员态度冷淡');
  await expect(page.getByTestId('draft-status')).toContainText('草稿已自动保存');

  await host.stop('SIGKILL');
  host = await startHost(dataDir);
  await page.goto(host.url);
  await signIn(page, '陈经理', '900001');
  await expect(page.getByText(/已恢复 .* 未提交的草稿/)).toBeVisible();
  await expect(page.getByLabel('客户姓名')).toHaveValue('李先生');
  await expect(page.getByLabel('客户反映的问题')).toHaveValue('营业厅排队两个小时，工作人员态度冷淡');
  await page.screenshot({ path: join(SCREENSHOTS, 'intake-draft-restored-zh-CN.png') });
});

test('the empty queue says what to do next, in every language the settings offer; the choice survives a restart', async ({ page }) => {
  const dataDir = tempDataDir();
  host = await startHost(dataDir);
  await setUpDesk(page, host.url);
  await page.keyboard.press('Alt+2');
  await expect(page.getByText('还没有投诉记录。客户来了，从「受理」开始。')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'queue-empty-zh-CN.png') });

  await page.keyboard.press('Alt+6');
  await page.getByRole('main').getByText('English').click();
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();

  await host.stop();
  host = await startHost(dataDir);
  await page.goto(host.url);
  await expect(page.getByText('Choose your name and enter your PIN')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'signin-en.png') });
  await page.getByLabel('PIN or password').fill('900001');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Take a complaint').first()).toBeVisible();
  await page.getByLabel('Customer name').fill('Ms Wang');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText("Enter a phone number we can call back")).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'intake-validation-en.png') });

  await page.keyboard.press('Alt+6');
  await page.getByRole('main').getByText('繁體').click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.keyboard.press('Alt+2');
  await expect(page.getByText('還沒有客訴紀錄。客戶來了，從「受理」開始。')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'queue-empty-zh-TW.png') });
});

test('bad input over the contract gets a clear error and stores nothing', async ({ page }) => {
  host = await startHost(tempDataDir());
  await setUpDesk(page, host.url);
  const answers = await page.evaluate(async () => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="calmdesk-token"]')!.content;
    const post = async (channel: string, request: unknown) =>
      (await (await fetch('/api/invoke', { method: 'POST', headers: { 'x-calmdesk-token': token }, body: JSON.stringify({ channel, request }) })).json()).value;
    const managerId = (await post('staff.roster', {})).staff[0].id;
    const { session } = await post('auth.signIn', { staffId: managerId, pin: '900001' });
    const send = async (body: string, withToken = true) => {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(withToken ? { 'x-calmdesk-token': token } : {}) },
        body,
      });
      return { status: response.status, body: await response.json() };
    };
    return {
      wrongTypes: await send(JSON.stringify({ session, channel: 'case.create', request: { customer: { name: 42 }, channel: 'fax', description: '' } })),
      notJson: await send('{"channel": "case.create", '),
      unknownChannel: await send(JSON.stringify({ channel: 'case.delete', request: {} })),
      noToken: await send(JSON.stringify({ channel: 'case.list', request: {} }), false),
      noSession: await send(JSON.stringify({ channel: 'case.create', request: { customer: { name: '王女士', phone: '13800138000' }, channel: 'phone', description: '漏水' } })),
      list: await send(JSON.stringify({ session, channel: 'case.list', request: {} })),
    };
  });
  expect(answers.wrongTypes.body.ok).toBe(false);
  expect(answers.wrongTypes.body.error.code).toBe('invalid_request');
  expect(answers.wrongTypes.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
    expect.arrayContaining(['customer.name', 'customer.phone', 'channel', 'description']),
  );
  expect(JSON.stringify(answers.wrongTypes.body)).not.toMatch(/at .*\.ts:\d+/);
  expect(answers.notJson.status).toBe(400);
  expect(answers.unknownChannel.body.error.code).toBe('unknown_channel');
  expect(answers.noToken.status).toBe(401);
  expect(answers.noSession.body.error.code).toBe('signed_out');
  expect(answers.list.body.value.total).toBe(0);

  // Too long for the contract: the person sees the limit and the count, and nothing of the text is cut.
  await page.getByLabel('客户姓名').fill('王女士');
  await page.getByLabel('联系电话').fill('13800138000');
  await page.getByText('到店').click();
  await page.getByLabel('客户反映的问题').fill('投诉内容'.repeat(5_000));
  await page.getByLabel('客户期望').fill('长'.repeat(2_100));
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('最多 10000 个字，请删减后再提交')).toBeVisible();
  await expect(page.getByText('最多 2000 个字，请删减后再提交')).toBeVisible();
  await expect(page.getByText('20000 / 10000')).toBeVisible();
  expect(await page.getByLabel('客户反映的问题').inputValue()).toHaveLength(20_000);
  await page.screenshot({ path: join(SCREENSHOTS, 'intake-too-long-zh-CN.png') });
  await page.keyboard.press('Alt+2');
  await expect(page.getByText('还没有投诉记录。客户来了，从「受理」开始。')).toBeVisible();
});
