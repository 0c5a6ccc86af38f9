import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tempDataDir } from './browserHost.js';

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const SKIP_REASON =
  'SKIPPED: the Electron binary is not installed on this machine (it cannot be downloaded here). The browser-host tests drive the same renderer, contract and core; run this where Electron is installed and better-sqlite3 is rebuilt for it.';

test.describe('the desktop window (Electron)', () => {
  test('opens on the intake screen in Chinese and takes a complaint', async () => {
    if (binary === null) {
      console.log(`[electron e2e] ${SKIP_REASON}`);
      test.skip(true, SKIP_REASON);
    }
    const app = await electron.launch({ executablePath: binary!, args: ['.'], env: { ...process.env, CALMDESK_DATA_DIR: tempDataDir() } });
    const window = await app.firstWindow();
    await expect(window.getByText('受理投诉').first()).toBeVisible();
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await window.getByLabel('客户姓名').fill('王女士');
    await window.getByLabel('联系电话').fill('13800138000');
    await window.getByText('电话', { exact: true }).click();
    await window.getByLabel('客户反映的问题').fill('热水器漏水');
    await window.keyboard.press('Control+Enter');
    await expect(window.getByTestId('case-number')).toHaveText(/^BJ01-A-\d{8}-0001$/);
    await app.close();
  });
});
