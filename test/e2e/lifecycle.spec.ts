import { expect, test, type Page } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { enrolOverContract, SCREENSHOTS, setUpDesk, signIn, startHost, tempDataDir, type RunningHost } from './browserHost.js';

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const TEAM = [
  { name: '张敏', role: 'clerk', pin: '100001' },
  { name: '王芳', role: 'clerk', pin: '100002' },
  { name: '李强', role: 'supervisor', pin: '200001' },
];

async function switchUser(page: Page, name: string, pin: string) {
  await page.keyboard.press('Alt+U');
  await signIn(page, name, pin);
}

/** Opens an action by its key, fills the dialog with `fill`, saves with Ctrl+Enter and waits for the timeline. */
async function act(page: Page, key: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>, expectOnTimeline: string) {
  await page.locator('body').click({ position: { x: 5, y: 5 } }); // take the focus out of any text field
  await page.keyboard.press(key);
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.locator('input, textarea').first().focus();
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('timeline')).toContainText(expectOnTimeline);
}

async function openCase(page: Page, caseNumber: string) {
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: caseNumber }).click();
  await expect(page.getByTestId('case-title')).toHaveText(caseNumber);
}

test('one case from intake to closed with satisfaction, by a clerk, a colleague, a supervisor and the manager', async ({ page, browser }) => {
  host = await startHost(tempDataDir(), ['--fixed-clock', '2026-11-23T01:30:00Z']);
  await setUpDesk(page, host.url);
  await enrolOverContract(page, { name: '陈经理', pin: '900001' }, TEAM);

  // The clerk takes the complaint and owns it (首问负责制).
  await switchUser(page, '张敏', '100001');
  await page.getByLabel('客户姓名').fill('王女士');
  await page.getByLabel('联系电话').fill('13800138000');
  await page.getByText('电话', { exact: true }).click();
  await page.getByLabel('客户反映的问题').fill('热水器漏水，师傅说好昨天上门一直没来，再不解决就找记者曝光！');
  await page.getByLabel('客户期望').fill('今天上门修好，赔偿地板');
  // The customer threatens the media: intake proposes a major, level-1 case and says why.
  await expect(page.getByTestId('major-because')).toContainText('记者');
  await expect(page.getByTestId('intake-classification').getByRole('switch')).toBeChecked();
  await page.keyboard.press('Control+Enter');
  const caseNumber = (await page.getByTestId('case-number').textContent())!;
  expect(caseNumber).toBe('BJ01-A-20261123-0001');
  await page.getByRole('button', { name: '查看案件' }).click();
  await expect(page.getByTestId('tell-customer')).toContainText(`受理编号 ${caseNumber}。张敏 会尽快与您联系`);
  await expect(page.getByTestId('timeline')).toContainText('分类定级：一级投诉，重大');

  await act(page, 't', (d) => d.getByLabel('情况').fill('已回电致歉，约定今天下午三点上门'), '已回电致歉');
  await act(page, 'h', async (d) => {
    await d.getByLabel('移交给').focus();
    await page.keyboard.type('王芳');
    await page.keyboard.press('Enter');
    await d.getByLabel('原因').fill('张敏下午外出培训，由王芳接手');
  }, '移交给 王芳');
  // After the handover the clerk may no longer act as owner: those actions are not offered to her.
  await expect(page.getByTestId('case-actions')).not.toContainText('调查核实');
  await expect(page.getByTestId('case-actions')).toContainText('催办');

  // The supervisor chases; the case is already major and level 1, so there is nothing to escalate.
  await switchUser(page, '李强', '200001');
  await openCase(page, caseNumber);
  await act(page, 'c', (d) => d.getByLabel('说明').fill('客户第二次来电催促'), '催办（客户催办）');
  await expect(page.getByTestId('case-actions')).not.toContainText('升级');

  // The new owner investigates and proposes.
  await switchUser(page, '王芳', '100002');
  await openCase(page, caseNumber);
  await act(page, 'i', (d) => d.getByLabel('调查核实结果').fill('安装时密封圈未压紧，师傅排班遗漏，属实'), '调查核实');
  await act(page, 'p', async (d) => {
    await d.getByLabel('处理意见').fill('今天上门免费更换密封圈，赔偿地板清洁费');
    await d.getByLabel('补偿').fill('300 元');
  }, '提出处理意见');

  // A major case goes to management: the supervisor is offered neither approval nor rejection.
  await switchUser(page, '李强', '200001');
  await openCase(page, caseNumber);
  await expect(page.getByTestId('case-actions')).not.toContainText('审批通过');
  await expect(page.getByTestId('case-actions')).not.toContainText('驳回处理意见');

  // The manager starts rejecting the proposal while, in a second window, the owner withdraws it.
  await switchUser(page, '陈经理', '900001');
  await openCase(page, caseNumber);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('r');
  await page.getByRole('dialog').getByLabel('原因').fill('赔偿金额需要再核实');
  const other = await browser.newPage();
  await other.goto(host.url);
  await signIn(other, '王芳', '100002');
  await openCase(other, caseNumber);
  await act(other, 'w', (d) => d.getByLabel('原因').fill('客户改为要求延保'), '撤回处理意见');
  await page.getByRole('dialog').getByLabel('原因').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('操作未执行：在当时的处理阶段不能这样做。');
  await page.screenshot({ path: join(SCREENSHOTS, 'case-refused-action-zh-CN.png') });
  await page.keyboard.press('Escape');
  await act(other, 'p', (d) => d.getByLabel('处理意见').fill('今天上门免费更换密封圈，延长保修一年'), '提出处理意见');
  await other.close();
  await act(page, 'y', (d) => d.getByLabel('审批意见').fill('同意，重大投诉须形成书面材料'), '审批通过');

  await switchUser(page, '王芳', '100002');
  await openCase(page, caseNumber);
  await act(page, 'e', (d) => d.getByLabel('情况').fill('已上门更换密封圈，保压测试无渗漏'), '已执行处理');
  await act(page, 'f', (d) => d.getByLabel('情况').fill('已向客户说明原因和处理结果，客户表示理解'), '已向客户反馈结果');

  await switchUser(page, '李强', '200001');
  await openCase(page, caseNumber);
  await act(page, 'v', async (d) => {
    await d.getByText('非常满意', { exact: true }).click();
    await d.getByText('已解决', { exact: true }).click();
    await d.getByLabel('客户建议').fill('希望上门时间更准时');
  }, '回访：非常满意，问题已解决');
  await act(page, 'x', async () => undefined, '结案（客户接受：是）');
  await expect(page.getByTestId('tell-customer')).toContainText('您的投诉已处理完毕并结案');
  await page.screenshot({ path: join(SCREENSHOTS, 'case-closed-timeline-zh-CN.png'), fullPage: true });

  // The written record graded complaints need: every event with who, when and from which device.
  const timeline = page.getByTestId('timeline');
  for (const line of ['受理投诉（电话）', '分类定级：一级投诉，重大', '移交给 王芳', '催办', '撤回处理意见', '审批通过', '结案']) await expect(timeline).toContainText(line);
  await expect(timeline).toContainText('张敏（受理员）');
  await expect(timeline).toContainText('陈经理（经理）');
  const pdf = join(SCREENSHOTS, 'case-record.pdf');
  await page.evaluate(() => document.body.classList.add('printing-record'));
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(SCREENSHOTS, 'case-record-print-zh-CN.png'), fullPage: true });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  expect(statSync(pdf).size).toBeGreaterThan(20_000);
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
});
