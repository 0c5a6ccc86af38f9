import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { SCREENSHOTS, signIn, startHost, tempDataDir, type RunningHost } from './browserHost.js';

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('the month\'s report over 2,000 cases in two branches: charts agree with their tables and a direct count, and the Excel export reads back', async ({ page }) => {
  const dataDir = tempDataDir();
  const expected = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'test/fixtures/seedCases.ts', dataDir, '2000'], { encoding: 'utf8' })) as Record<string, number>;
  const byContent = (branch?: string) =>
    Object.entries(expected).reduce<Record<string, number>>((sum, [key, n]) => {
      const [b, content] = key.split(':') as [string, string];
      if (!branch || b === branch) sum[content] = (sum[content] ?? 0) + n;
      return sum;
    }, {});

  host = await startHost(dataDir, ['--fixed-clock', '2026-12-01T02:00:00Z']);
  await page.goto(host.url);
  await signIn(page, '陈经理', '900001');
  await page.keyboard.press('Alt+4');
  await page.getByLabel('月份').click();
  await page.getByLabel('月份').fill('2026-11');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('report-totals')).toContainText('2,000');

  // The content table: every row is the direct count, and the chart draws one bar per row.
  const table = page.getByTestId('figure-content-table');
  const names: Record<string, string> = { product: '设备/产品质量', attitude: '服务态度', quality: '服务质量', incident: '突发性事件' };
  for (const [content, n] of Object.entries(byContent())) await expect(table.getByRole('row', { name: new RegExp(`^${names[content]} ${n}$`) })).toBeVisible();
  await expect(page.getByTestId('figure-content-chart').locator('path[fill="#2f7d6d"]')).toHaveCount(Object.keys(byContent()).length);
  // Every seeded case was classified on receipt and nobody has called the customers back since.
  const steps = page.getByTestId('figure-steps-table');
  await expect(steps.getByRole('row', { name: /^分类定级 2000 0 0 0 100\.0%$/ })).toBeVisible();
  await expect(steps.getByRole('row', { name: /^联系客户 0 0 0 2000 0\.0%$/ })).toBeVisible();
  // HQ compares its branches, each the direct count.
  const total = (branch: string) => Object.values(byContent(branch)).reduce((a, b) => a + b, 0);
  for (const branch of ['BJ01', 'SH02']) await expect(page.getByTestId('figure-branches').getByRole('row', { name: new RegExp(`^${branch} ${total(branch)} `) })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'reports-zh-CN.png'), fullPage: true });

  // One branch only.
  await page.getByTestId('report-branch').click();
  await page.getByTitle('SH02', { exact: true }).click();
  const sh = total('SH02');
  await expect(page.getByTestId('report-totals')).toContainText(sh.toLocaleString('en'));

  // A click on a table row opens those cases.
  await table.getByRole('row', { name: new RegExp(`^${names.product}`) }).click();
  await expect(page.getByTestId('report-cases').locator('.ant-list-item')).toHaveCount(byContent('SH02').product!);
  await page.keyboard.press('Escape');

  /** Clicks an export button and keeps the file it downloads. */
  const exported = async (testId: string, name: string) => {
    const downloading = page.waitForEvent('download');
    await page.getByTestId(testId).click();
    const file = join(dataDir, name);
    await (await downloading).saveAs(file);
    return file;
  };
  const file = await exported('export-excel', 'export.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet('投诉案件')!;
  expect(sheet.rowCount - 1).toBe(sh);
  expect(sheet.getRow(1).getCell(1).value).toBe('受理编号');
  expect(sheet.getRow(2).getCell(2).value).toBeInstanceOf(Date);
  // The same list as CSV: a BOM so Excel reads Chinese, a header, one line per case.
  const csv = readFileSync(await exported('export-csv', 'export.csv'), 'utf8');
  expect(csv.startsWith('\uFEFF受理编号,受理时间,')).toBe(true);
  expect(csv.trimEnd().split('\r\n')).toHaveLength(sh + 1);

  // The month's analysis: generated, the manager's actions added, saved as version 1, printed.
  await page.getByTestId('open-monthly').click();
  const report = page.getByTestId('monthly-report');
  await expect(report).toContainText('2026-11 投诉分析报告（SH02）');
  await expect(report).toContainText(`本月受理投诉 ${sh} 件`);
  await page.getByLabel('七、改进措施').fill('1. 设备类投诉：与厂家约定上门时限。\n2. 每周抽查回访。');
  await page.getByTestId('monthly-save').click();
  await expect(page.getByTestId('monthly-version')).toContainText('当前为第 1 版，陈经理 保存于');
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  // The analysis as a workbook, a sheet per section, the figures as on screen.
  const monthlyFile = await exported('monthly-excel', 'monthly.xlsx');
  const analysis = new ExcelJS.Workbook();
  await analysis.xlsx.readFile(monthlyFile);
  expect(analysis.worksheets.map((w) => w.name)).toEqual(['一、总体情况', '二、投诉分类与原因', '三、处理时限', '四、重大投诉及处理', '五、重复投诉', '六、客户满意度', '七、改进措施']);
  expect(analysis.getWorksheet('一、总体情况')!.getRow(2).values).toEqual([undefined, '受理总数', sh]);
  // The categories first (most first), each the direct count; the causes below them.
  const categories = analysis.getWorksheet('二、投诉分类与原因')!.getRows(2, Object.keys(byContent('SH02')).length)!;
  expect(Object.fromEntries(categories.map((r) => [r.getCell(1).value, r.getCell(3).value]))).toEqual(
    Object.fromEntries(Object.entries(byContent('SH02')).map(([content, n]) => [names[content], n])),
  );
  expect(analysis.getWorksheet('七、改进措施')!.getRow(2).getCell(1).value).toContain('与厂家约定上门时限');
  await page.getByRole('button', { name: '打印 / 导出 PDF' }).click();
  const pdf = join(dataDir, 'monthly.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('投诉分析报告');
  expect(text).toContain('与厂家约定上门时限');
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, join(SCREENSHOTS, 'monthly-report')]);
});
