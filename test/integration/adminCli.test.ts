import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { tempDir } from '../fixtures/tempDir.js';
import { SERVER_BUNDLE } from '../fixtures/serverBundle.js';

/** The server's admin CLI as an administrator runs it, on a PGlite data directory of its own. */
describe('server admin CLI', () => {
  it('never takes a password on the command line, and reads it from stdin', () => {
    const dataDir = tempDir('calmdesk-admin-');
    const cli = (args: string[], input?: string) =>
      spawnSync(process.execPath, [SERVER_BUNDLE, '--data-dir', dataDir, 'admin', ...args], { encoding: 'utf8', input });
    expect(cli(['branch', 'BJ01', '北京一网点']).status).toBe(0);
    const onCommandLine = cli(['staff', 'BJ01', '周强', 'clerk', 'correct horse 7']);
    expect(onCommandLine.status).toBe(2);
    expect(onCommandLine.stderr).toContain('Do not put the password on the command line');
    const piped = cli(['staff', 'BJ01', '周强', 'clerk'], 'correct horse 7\n');
    expect(piped.status).toBe(0);
    expect(piped.stdout).toMatch(/^staff 周强 created: [0-9a-f-]{36}$/m);
  }, 60_000);
});
