import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations.js';
import { rebuildProjections, type RebuildProgress } from './projections.js';

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

/**
 * A clean close leaves a seal beside the file (its size and modification time, and when its pages were
 * last all read and found sound). The next open trusts a file that nobody has touched since, for a
 * week; a crash, a copy, a restore or an edit leaves no seal or a stale one, and every page is read.
 * At an HQ desk of four gigabytes that read takes seconds, at every start.
 */
const SEAL_SUFFIX = '.sealed.json';
const TRUST_SEAL_MS = 7 * 86_400_000;

/** The seal beside the file, if there is a readable one. */
function readSeal(file: string): { size: number; mtimeMs: number; checkedAt: number } | null {
  const path = file + SEAL_SUFFIX;
  if (!existsSync(path)) return null;
  try {
    const seal = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    return typeof seal.size === 'number' && typeof seal.mtimeMs === 'number' && typeof seal.checkedAt === 'number'
      ? { size: seal.size, mtimeMs: seal.mtimeMs, checkedAt: seal.checkedAt }
      : null;
  } catch {
    return null;
  }
}

/** When the seal says every page was last found sound, if nobody has touched the file since and that was within the week. */
function trustedCheck(file: string, now: number): number | null {
  const seal = readSeal(file);
  if (!seal) return null;
  const { size, mtimeMs } = statSync(file);
  const untouched = size === seal.size && Math.trunc(mtimeMs) === seal.mtimeMs;
  return untouched && now >= seal.checkedAt && now - seal.checkedAt < TRUST_SEAL_MS ? seal.checkedAt : null;
}

/**
 * What opening `file` will take beyond a moment, read without opening it for writing and without
 * taking the seal: every page read (after a crash, a copy or a week), an upgrade (a copy of the file,
 * migrations, often a rebuild of the projections), or nothing. Hosts use it to show a progress page first.
 */
export function workBeforeOpening(file: string, now: number, migrations: readonly Migration[] = MIGRATIONS): 'none' | 'check' | 'upgrade' {
  if (!existsSync(file)) return 'none';
  let current: number;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      current = db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch {
    // A file that cannot be read is the open's to explain.
    return 'none';
  }
  // An upgrade copies the file first and may rebuild every projection: minutes at HQ size.
  if (current > 0 && migrations.some((m) => m.version > current)) return 'upgrade';
  return trustedCheck(file, now) === null ? 'check' : 'none';
}

/**
 * Closes the database and seals the file as it was left (see `trustedCheck`). The file's time is set a
 * second back to a whole second first: the kernel stamps writes with a coarse clock, so a write in
 * the same few milliseconds as the close would otherwise leave the time as sealed; now any later
 * write moves it.
 */
export function closeDatabase(db: Db, checkedAt: number): void {
  const file = db.name;
  db.close();
  if (db.memory || !existsSync(file)) return;
  const mark = new Date((Math.floor(Date.now() / 1000) - 1) * 1000);
  utimesSync(file, mark, mark);
  const { size, mtimeMs } = statSync(file);
  writeFileSync(file + SEAL_SUFFIX, JSON.stringify({ size, mtimeMs: Math.trunc(mtimeMs), checkedAt }));
}

export interface OpenOptions {
  migrations?: readonly Migration[];
  /** Used to name the pre-migration backup; injectable so tests are deterministic. */
  now?: () => Date;
  /** Told when the open has long work to do: reading every page, or upgrading the file. */
  onProgress?: (progress: OpeningProgress) => void;
}

/** Long work of an open: every page read, an upgrade's copy and migrations (no count known for these), a rebuild. */
export type OpeningProgress = { stage: 'checking' | 'backingUp' | 'migrating'; done: 0; total: 0 } | RebuildProgress;

export interface OpenedDatabase {
  db: Db;
  /** Path of the copy taken before migrating an existing database, if one was taken. */
  backupPath: string | null;
  /** When every page of this file was last read and found sound (ms); pass it to `closeDatabase`. */
  checkedAt: number;
  migratedFrom: number;
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const isNew = file === ':memory:' || !existsSync(file);
  const now = (options.now?.() ?? new Date()).getTime();
  const sealedCheck = isNew ? null : trustedCheck(file, now);
  // Whatever happens next, the file is unsealed until it is closed cleanly.
  if (!isNew) rmSync(file + SEAL_SUFFIX, { force: true });
  const trusted = sealedCheck !== null;
  const checkedAt = sealedCheck ?? now;
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
    if (!isNew && !trusted) {
      options.onProgress?.({ stage: 'checking', done: 0, total: 0 });
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
      options.onProgress?.({ stage: 'backingUp', done: 0, total: 0 });
      db.exec(`VACUUM INTO '${backupPath.replace(/'/g, "''")}'`);
    }
    const pending = migrations.filter((m) => m.version > current);
    if (!isNew && pending.length) options.onProgress?.({ stage: 'migrating', done: 0, total: 0 });
    for (const migration of pending) {
      db.transaction(() => {
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      })();
    }
    if (current > 0 && pending.some((m) => m.rebuildProjections)) rebuildProjections(db, options.onProgress);
    return { db, backupPath, migratedFrom: current, checkedAt };
  } catch (error) {
    db.close();
    throw error;
  }
}

export { LATEST_SCHEMA_VERSION };
