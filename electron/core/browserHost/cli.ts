import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DATABASE_FILE, DEFAULT_TICK_MS, openDesk } from '../openDesk.js';
import { fixedStartClock, systemClock } from '../clock.js';
import { startBrowserHost } from './server.js';
import { DatabaseDamagedError, DatabaseTooNewError, workBeforeOpening } from '../../../db/open.js';
import { openInChild, startOpeningHost } from './openingHost.js';
import { startDamagedHost } from './damagedHost.js';
import { restoreNewestBackup } from '../restore.js';

/** `npm run start:browser`: the whole desk in a browser, for machines without Electron and for e2e tests. */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    'fixed-clock': { type: 'string' },
    /** Cases per batch of deadline work; small values let a test watch a catch-up in progress. */
    'tick-batch': { type: 'string' },
  },
});

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const rendererDir = join(repoRoot, 'dist', 'renderer');
const dataDir = resolve(values['data-dir'] ?? process.env.CALMDESK_DATA_DIR ?? join(homedir(), '.calmdesk'));

if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('The renderer is not built yet: run `npm run build:renderer` first (npm run start:browser does it for you).');
  process.exit(1);
}

let clock = systemClock;
if (values['fixed-clock']) {
  const start = Date.parse(values['fixed-clock']);
  if (Number.isNaN(start)) {
    console.error(`--fixed-clock needs an ISO date-time, got "${values['fixed-clock']}".`);
    process.exit(2);
  }
  clock = fixedStartClock(start);
}

/** Opens the desk; a damaged database gets a page that restores the newest backup, then the desk opens. */
async function openOrRecover(port: number): Promise<{ desk: ReturnType<typeof openDesk>; port: number }> {
  for (;;) {
    try {
      return { desk: openDesk(dataDir, clock, { tickMs: DEFAULT_TICK_MS, ...(values['tick-batch'] ? { tickBatch: Number(values['tick-batch']) } : {}) }), port };
    } catch (error) {
      if (error instanceof DatabaseTooNewError) {
        console.error(`This data was written by a newer CalmDesk (schema ${error.found}); update CalmDesk to open it. Nothing was changed.`);
        process.exit(3);
      }
      if (!(error instanceof DatabaseDamagedError)) throw error;
      const damaged = await startDamagedHost({ port, reason: 'damaged', restore: () => restoreNewestBackup(dataDir, new Date(clock.now())) !== null });
      port = Number(new URL(damaged.url).port);
      console.error(`The data in ${dataDir} is damaged, so CalmDesk is not taking cases: open ${damaged.url} to restore the newest backup.`);
      await damaged.restored;
      await damaged.close();
    }
  }
}

/**
 * An open with long work first (every page read after a crash, an upgrade) runs in a child process
 * while a page on the desk's address shows how far it is; the desk opens on that port afterwards.
 */
async function openLongWorkFirst(port: number): Promise<number> {
  const file = join(dataDir, DATABASE_FILE);
  const work = workBeforeOpening(file, clock.now());
  if (work === 'none') return port;
  const opening = await startOpeningHost(port, { stage: work === 'check' ? 'checking' : 'backingUp', done: 0, total: 0 });
  console.log(`CalmDesk is opening its data at ${opening.url} (${work === 'check' ? 'checking every page' : 'upgrading'}).`);
  await openInChild(file, opening.update);
  await opening.close();
  return Number(new URL(opening.url).port);
}

const { desk, port } = await openOrRecover(await openLongWorkFirst(values.port ? Number(values.port) : 0));
const host = await startBrowserHost({ dispatch: desk.dispatchAsync, core: desk.core, rendererDir, port });
console.log(`CalmDesk is running at ${host.url} (data: ${dataDir}). Press Ctrl+C to stop.`);
const stop = () => {
  void host.close().then(() => {
    desk.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
