import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import Database from 'better-sqlite3';
import { startCoreWorker } from '../../../electron/core/coreWorkerClient.js';
import { DATABASE_FILE } from '../../../electron/core/openDesk.js';
import { tempDir } from '../../fixtures/tempDir.js';
import { complaint, openTeamDesk } from '../../fixtures/desk.js';

describe('core in a worker thread (how Electron runs it)', () => {
  // The same esbuild bundle Electron loads (scripts/build-electron.mjs), built fresh for the test.
  // Inside the repository, so that the bundle resolves better-sqlite3 from node_modules as in the app.
  const bundle = join(process.cwd(), 'dist', 'test', `coreWorker-${process.pid}.cjs`);
  beforeAll(async () => {
    await build({ entryPoints: ['electron/core/worker.ts'], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3'], logLevel: 'silent' });
  });

  it('answers contract calls, validates them, and forwards pushed events', async () => {
    const dataDir = tempDir();
    openTeamDesk(undefined, dataDir).desk.close();
    const client = await startCoreWorker(bundle, dataDir);
    const signIn = await client.invoke('auth.signIn', { staffId: (await client.invoke('staff.roster', {}) as { value: { staff: Array<{ id: string; role: string }> } }).value.staff.find((s) => s.role === 'clerk')!.id, pin: '100001' });
    const { session } = (signIn as { value: { session: string } }).value;
    const pushed: unknown[] = [];
    client.onPush((event, payload) => pushed.push([event, payload]));
    const created = await client.invoke('case.create', complaint(), session);
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: string } }).value.id;
    const [list, bad] = await Promise.all([client.invoke('case.list', {}, session), client.invoke('case.create', { channel: 'fax' }, session)]);
    expect(list).toMatchObject({ ok: true, value: { total: 1, items: [{ id }] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(pushed).toEqual([['case.changed', { id }]]);
    await client.close();
  });

  it('tells the window how far a long open is: after a crash, every page is read before the desk answers', async () => {
    const dataDir = tempDir();
    openTeamDesk(undefined, dataDir).desk.close();
    // A crash leaves no seal beside the file.
    rmSync(join(dataDir, `${DATABASE_FILE}.sealed.json`));
    const stages: string[] = [];
    const client = await startCoreWorker(bundle, dataDir, { onOpening: (progress) => stages.push(progress.stage) });
    expect(stages).toEqual(['checking']);
    await client.close();
    // Closed cleanly this time: the next open has nothing long to do.
    stages.length = 0;
    await (await startCoreWorker(bundle, dataDir, { onOpening: (progress) => stages.push(progress.stage) })).close();
    expect(stages).toEqual([]);
  });

  it('says why when the data was written by a newer CalmDesk, instead of dying silently', async () => {
    const dataDir = tempDir();
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.pragma('user_version = 999');
    db.close();
    await expect(startCoreWorker(bundle, dataDir)).rejects.toMatchObject({ name: 'CoreStartError', reason: 'too_new' });
  });
});
