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

/** Opens (creating and migrating if needed) the desk's database in `dataDir`, and its core. */
export function openDesk(dataDir: string, clock: Clock = systemClock): OpenDesk {
  mkdirSync(dataDir, { recursive: true });
  const { db } = openDatabase(join(dataDir, DATABASE_FILE));
  const core = createDeskCore(db, clock);
  return { core, db, dispatch: createDispatcher(core), close: () => db.close() };
}
