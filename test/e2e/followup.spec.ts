import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { enrolOverContract, invokeAs, SCREENSHOTS, setUpDesk, signIn, startHost, tempDataDir, type RunningHost } from './browserHost.js';

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const MANAGER = { name: '陈经理', pin: '900001' };
const CLERK = { name: '张敏', pin: '100001' };

/** The case's way from investigation to "result fed back", through the contract as the desk's people. */
async function workToFeedback(page: Page, id: string, round: string) {
  const act = (who: typeof MANAGER, type: string, payload: object) => invokeAs(page, who, 'case.act', { id, action: { type, payload } });
  await act(CLERK, 'investigated', { findings: `${round} 密封圈老化` });
  await act(CLERK, 'proposal_made', { remedy: `${round} 更换密封圈` });
  await act(MANAGER, 'approved', {});
  await act(CLERK, 'executed', { summary: `${round} 已上门更换密封圈并试水` });
  await act(CLERK, 'feedback_given', { summary: `${round} 已告知客户处理结果` });
}

async function at(dataDir: string, iso: string, page: Page, who = CLERK) {
  await host?.stop();
  host = await startHost(dataDir, ['--fixed-clock', iso]);
  await page.goto(host.url);
  await signIn(page, who.name, who.pin);
}

test('a follow-up not reached, then reached and dissatisfied, reopens the case; after the fix a satisfied follow-up lets it close', async ({ page }) => {
  const dataDir = tempDataDir();
  host = await startHost(dataDir, ['--fixed-clock', '2026-11-23T01:30:00Z']);
  await setUpDesk(page, host.url);
  await enrolOverContract(page, MANAGER, [{ name: '张敏', role: 'clerk', pin: '100001' }]);
  const created = await invokeAs<{ id: string; caseNumber: string }>(page, CLERK, 'case.create', {
    customer: { name: '王女士', phone: '13800138000' },
    channel: 'phone',
    description: '热水器漏水，地板都泡了，师傅一直没来',
    classification: { severity: 2, major: false, nature: 'valid', communicationKind: null, content: 'product', cause: 'product_quality', motive: 'emotional' },
  });
  await invokeAs(page, CLERK, 'case.act', { id: created.id, action: { type: 'customer_contacted', payload: { summary: '已回电致歉' } } });
  await workToFeedback(page, created.id, '第一次');

  // Monday 23 November, 14:00 in Beijing: the follow-up is on the list with its deadline.
  await at(dataDir, '2026-11-23T06:00:00Z', page);
  await page.keyboard.press('Alt+3');
  const item = page.getByTestId('followup-item').filter({ hasText: '王女士' });
  await expect(item).toBeVisible();
  await expect(item.getByTestId('followup-due')).toContainText('11月26日');
  await expect(page.getByTestId('followup-call')).toContainText('第一次 已上门更换密封圈并试水');
  await page.screenshot({ path: join(SCREENSHOTS, 'followup-list-zh-CN.png') });
  await page.getByRole('button', { name: '没接通' }).click();
  await page.getByRole('dialog').getByText('无人接听').click();
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(item).toContainText('1 / 3 次未接通');
  await expect(page.getByTestId('followup-call')).toContainText('下次拨打');

  // The next day the customer answers, and is not satisfied: the case goes back to work.
  await at(dataDir, '2026-11-24T02:00:00Z', page);
  await page.keyboard.press('Alt+3');
  await page.getByRole('button', { name: '接通了，记录结果' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('不满意', { exact: true }).click();
  await dialog.getByText('部分解决', { exact: true }).click();
  await dialog.getByText('处理速度').click();
  await dialog.getByLabel('客户建议').fill('地板还有点渗水，希望尽快再来看看');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('现在没有要回访的客户')).toBeVisible();
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: created.caseNumber }).click();
  await expect(page.getByTestId('timeline')).toContainText('回访：不满意，问题部分解决。客户不满意或问题未解决：案件退回重新处理');
  await expect(page.getByTestId('case-actions')).toContainText('调查核实');
  await page.screenshot({ path: join(SCREENSHOTS, 'followup-reopened-zh-CN.png'), fullPage: true });

  // Fixed again and fed back: this time the customer is satisfied, and the case closes.
  await workToFeedback(page, created.id, '第二次');
  await at(dataDir, '2026-11-25T02:00:00Z', page);
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('followup-call')).toContainText('第二次 已上门更换密封圈并试水');
  await page.getByRole('button', { name: '接通了，记录结果' }).click();
  await page.getByRole('dialog').getByText('非常满意', { exact: true }).click();
  await page.getByRole('dialog').getByText('已解决', { exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('现在没有要回访的客户')).toBeVisible();
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: created.caseNumber }).click();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('x');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('tell-customer')).toContainText('您的投诉已处理完毕并结案');
  // The customer's record keeps every follow-up.
  await page.getByRole('button', { name: '王女士' }).click();
  await expect(page.getByTestId('customer-followups')).toContainText('回访：非常满意，问题已解决');
  await expect(page.getByTestId('customer-followups')).toContainText('回访未接通（无人接听）');
});

test('the follow-up page in English', async ({ page }) => {
  const dataDir = tempDataDir();
  host = await startHost(dataDir, ['--fixed-clock', '2026-11-23T01:30:00Z']);
  await setUpDesk(page, host.url);
  await enrolOverContract(page, MANAGER, [{ name: '张敏', role: 'clerk', pin: '100001' }]);
  await invokeAs(page, MANAGER, 'settings.setLocale', { locale: 'en' });
  const created = await invokeAs<{ id: string }>(page, CLERK, 'case.create', {
    customer: { name: 'Ms Wang', phone: '13800138000' },
    channel: 'phone',
    description: 'The water heater leaks and nobody came.',
    classification: { severity: 3, major: false, nature: 'valid', communicationKind: null, content: 'product', cause: 'product_quality', motive: 'unknown' },
  });
  await invokeAs(page, CLERK, 'case.act', { id: created.id, action: { type: 'customer_contacted', payload: { summary: 'Called back' } } });
  await workToFeedback(page, created.id, 'Round one');
  await at(dataDir, '2026-11-23T06:00:00Z', page);
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('followup-call')).toContainText('Three short questions');
  await page.screenshot({ path: join(SCREENSHOTS, 'followup-list-en.png') });
});
