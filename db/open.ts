import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations.js';
import { rebuildProjections } from './projections.js';

export type Db = Database.Database;

/** The database was written by a newer CalmDesk; opening it here could destroy data. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`database schema ${found} is newer than this app supports (${supported}); update CalmDesk`);
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * The file is not a sound CalmDesk database (a zeroed header, a truncated file, overwritten pages):
 * the desk must not take a single case on it. Nothing was written to it.
 */
export class DatabaseDamagedError extends Error {
  constructor(readonly detail: string) {
    super(`the database file is damaged: ${detail}`);
    this.name = 'DatabaseDamagedError';
  }
}

/** SQLite's own check of every page and index (quick_check: no cross-checking of index contents). */
export function integrityProblems(db: Db): string[] {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  return rows.map((r) => r.quick_check).filter((line) => line !== 'ok');
}

export interface OpenOptions {
  migrations?: readonly Migration[];
  /** Used to name the pre-migration backup; injectable so tests are deterministic. */
  now?: () => Date;
}

export interface OpenedDatabase {
  db: Db;
  /** Path of the copy taken before migrating an existing database, if one was taken. */
  backupPath: string | null;
  migratedFrom: number;
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const isNew = file === ':memory:' || !existsSync(file);
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new DatabaseDamagedError(error instanceof Error ? error.message : String(error));
  }
  try {
    // Read the version before anything writes: a newer app's file must stay byte-for-byte intact.
    let current: number;
    try {
      current = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      throw new DatabaseDamagedError(error instanceof Error ? error.message : String(error));
    }
    if (current > latest) throw new DatabaseTooNewError(current, latest);
    if (!isNew) {
      let problems: string[];
      try {
        problems = integrityProblems(db);
      } catch (error) {
        problems = [error instanceof Error ? error.message : String(error)];
      }
      if (problems.length) throw new DatabaseDamagedError(problems.slice(0, 3).join('; '));
    }
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // FULL: a complaint acknowledged to the clerk must survive a power cut, not only a crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    let backupPath: string | null = null;
    if (!isNew && current > 0 && current < latest) {
      const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
      backupPath = `${file}.before-v${latest}.${stamp}.bak`;
      db.exec(`VACUUM INTO '${backupPath.replace(/'/g, "''")}'`);
    }
    const pending = migrations.filter((m) => m.version > current);
    for (const migration of pending) {
      db.transaction(() => {
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      })();
    }
    if (current > 0 && pending.some((m) => m.rebuildProjections)) rebuildProjections(db);
    return { db, backupPath, migratedFrom: current };
  } catch (error) {
    db.close();
    throw error;
  }
}

export { LATEST_SCHEMA_VERSION };
