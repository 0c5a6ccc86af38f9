import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

function electronBinaryPresent(): boolean {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path);
  } catch {
    return false;
  }
}
const present = electronBinaryPresent();

describe('npm start', () => {
  it.skipIf(present)('says in one sentence that Electron is missing and names the browser host, without a stack trace', () => {
    const run = spawnSync(process.execPath, ['scripts/start-electron.mjs'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('npm run start:browser');
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
