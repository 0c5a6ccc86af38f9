import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../db/open.js';
import { systemClock, type Clock } from './clock.js';
import { createDeskCore, type DeskCore } from './deskCore.js';
import { createDispatcher, type Dispatch } from './dispatch.js';

export const DATABASE_FILE = 'calmdesk.sqlite';

export interface OpenDesk {
  core: DeskCore;
  dispatch: Dispatch;
  db: Db;
  close(): void;
}

export interface OpenDeskOptions {
  /** How often deadlines are checked for escalations and alarms; 0 turns the ticker off (tests drive it). */
  tickMs?: number;
}

const DEFAULT_TICK_MS = 60_000;

/** Opens (creating and migrating if needed) the desk's database in `dataDir`, and its core. */
export function openDesk(dataDir: string, clock: Clock = systemClock, options: OpenDeskOptions = {}): OpenDesk {
  mkdirSync(dataDir, { recursive: true });
  const { db } = openDatabase(join(dataDir, DATABASE_FILE));
  const core = createDeskCore(db, clock);
  const tickMs = options.tickMs ?? 0;
  const tick = () => {
    try {
      core.tick();
    } catch (error) {
      console.error(`[calmdesk] deadline check failed: ${error instanceof Error ? error.name : typeof error}`);
    }
  };
  const timer = tickMs > 0 ? setInterval(tick, tickMs) : null;
  if (timer) {
    timer.unref();
    tick();
  }
  return {
    core,
    db,
    dispatch: createDispatcher(core),
    close: () => {
      if (timer) clearInterval(timer);
      db.close();
    },
  };
}

export { DEFAULT_TICK_MS };
