import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { closeDatabase, openDatabase, type Db, type OpeningProgress } from '../../db/open.js';
import { backUp, latestBackupAt } from '../../db/backup.js';
import { mergeSearchSegments } from '../../db/projections.js';
import { systemClock, type Clock } from './clock.js';
import { createDeskCore, type DeskCore, type DeskCoreOptions } from './deskCore.js';
import { createDispatcher } from './dispatch.js';
import type { DeskResult } from '../../shared/contract.js';

export const DATABASE_FILE = 'calmdesk.sqlite';

/** Calls that never wait on the network answer at once; tests and tools use this form. */
export type SyncDispatch = (channel: unknown, request: unknown, session?: unknown) => DeskResult<unknown>;

export interface OpenDesk {
  core: DeskCore;
  /** For database calls; a network call (sync.*) through it fails with a plain error. */
  dispatch: SyncDispatch;
  /** Every call, network ones included: what the hosts use. */
  dispatchAsync(channel: unknown, request: unknown, session?: unknown): Promise<DeskResult<unknown>>;
  db: Db;
  close(): void;
}

export interface OpenDeskOptions extends DeskCoreOptions {
  /** How often deadlines are checked for escalations and alarms; 0 turns the ticker off (tests drive it). */
  tickMs?: number;
  /** Cases per transaction of deadline work; between batches the desk answers its callers. */
  tickBatch?: number;
  /** Told how far a long open is (every page read, an upgrade's rebuild). */
  onOpening?: (progress: OpeningProgress) => void;
}

const DEFAULT_TICK_MS = 60_000;
/** About a quarter of a second of escalations at 2 ms each: callers wait at most that long between batches. */
const DEFAULT_TICK_BATCH = 100;
const BACKUP_EVERY_MS = 24 * 3_600_000;

/** Opens (creating and migrating if needed) the desk's database in `dataDir`, and its core. */
export function openDesk(dataDir: string, clock: Clock = systemClock, options: OpenDeskOptions = {}): OpenDesk {
  mkdirSync(dataDir, { recursive: true });
  const { db, checkedAt } = openDatabase(join(dataDir, DATABASE_FILE), options.onOpening ? { onProgress: options.onOpening } : {});
  const core = createDeskCore(db, clock, options);
  const tickMs = options.tickMs ?? 0;
  const tickBatch = options.tickBatch ?? DEFAULT_TICK_BATCH;
  // Deadline work never holds up the start or a caller: one batch, then the event loop, then the next.
  let ticking: NodeJS.Immediate | null = null;
  const tick = () => {
    if (ticking) return;
    const step = () => {
      let more = false;
      try {
        // Deadlines first; when they are done, the search index is tidied a step at a time.
        more = core.tick(tickBatch).more || mergeSearchSegments(db);
      } catch (error) {
        console.error(`[calmdesk] background step failed: ${error instanceof Error ? error.name : typeof error}`);
      }
      ticking = more ? setImmediate(step) : null;
    };
    ticking = setImmediate(step);
  };
  // A consistent copy a day, taken in the background while the desk works (db/backup.ts).
  let backingUp = false;
  const backUpWhenDue = () => {
    const last = latestBackupAt(db.name);
    if (backingUp || (last !== null && clock.now() - last < BACKUP_EVERY_MS)) return;
    backingUp = true;
    backUp(db, new Date(clock.now()))
      // A copy cut short by the desk closing is no failure: its partial file is gone and the next start takes one.
      .catch((error: unknown) => db.open && console.error(`[calmdesk] backup failed: ${error instanceof Error ? error.name : typeof error}`))
      .finally(() => {
        backingUp = false;
      });
  };
  const timer = tickMs > 0 ? setInterval(() => {
    tick();
    backUpWhenDue();
  }, tickMs) : null;
  const stopSync = tickMs > 0 ? core.startSync() : () => undefined;
  if (timer) {
    timer.unref();
    tick();
    backUpWhenDue();
  }
  const dispatch = createDispatcher(core);
  return {
    core,
    db,
    dispatch: (channel, request, session) => {
      const result = dispatch(channel, request, session);
      if (result instanceof Promise) throw new Error(`${String(channel)} waits on the network: use dispatchAsync`);
      return result;
    },
    dispatchAsync: async (channel, request, session) => dispatch(channel, request, session),
    close: () => {
      if (timer) clearInterval(timer);
      if (ticking) clearImmediate(ticking);
      stopSync();
      closeDatabase(db, checkedAt);
    },
  };
}

export { DEFAULT_TICK_MS };
