import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { build } from 'esbuild';
import { startCoreWorker } from '../../../electron/core/coreWorkerClient.js';
import { tempDir } from '../../fixtures/tempDir.js';

describe('core in a worker thread (how Electron runs it)', () => {
  // The same esbuild bundle Electron loads (scripts/build-electron.mjs), built fresh for the test.
  // Inside the repository, so that the bundle resolves better-sqlite3 from node_modules as in the app.
  const bundle = join(process.cwd(), 'dist', 'test', `coreWorker-${process.pid}.cjs`);
  beforeAll(async () => {
    await build({ entryPoints: ['electron/core/worker.ts'], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3'], logLevel: 'silent' });
  });

  it('answers contract calls, validates them, and forwards pushed events', async () => {
    const client = await startCoreWorker(bundle, tempDir());
    const pushed: unknown[] = [];
    client.onPush((event, payload) => pushed.push([event, payload]));
    const created = await client.invoke('case.create', { customer: { name: '王女士', phone: '13800138000' }, channel: 'phone', description: '热水器漏水' });
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: string } }).value.id;
    const [list, bad] = await Promise.all([client.invoke('case.list', {}), client.invoke('case.create', { channel: 'fax' })]);
    expect(list).toMatchObject({ ok: true, value: { total: 1, items: [{ id }] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(pushed).toEqual([['case.changed', { id }]]);
    await client.close();
  });
});
