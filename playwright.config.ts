import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (toolchain.md).
export default defineConfig({
  testDir: 'test/e2e',
  // The sync server runs as `npm run server` runs it: the bundle, built from this checkout.
  globalSetup: './test/fixtures/serverBundle.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1360, height: 900 },
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
});
