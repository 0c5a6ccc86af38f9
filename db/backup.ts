import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { integrityProblems, type Db } from './open.js';

/**
 * Rotating backups beside the desk's database: consistent copies made with SQLite's online backup
 * (the desk keeps working while it runs), each checked before it counts, the newest few kept. A
 * damaged database is moved aside, never overwritten, before the newest sound copy takes its place.
 */
export const BACKUP_DIR = 'backups';
export const KEEP_BACKUPS = 7;

const stampOf = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

export function backupsOf(file: string): string[] {
  const dir = join(dirname(file), BACKUP_DIR);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(file)}.`;
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bak'))
    .sort()
    .reverse()
    .map((name) => join(dir, name));
}

function sound(file: string): boolean {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return integrityProblems(db).length === 0;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** A copy stands on its own: one file, no WAL beside it, so it can be moved and opened anywhere. */
function settle(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** Takes a backup of the open database; returns its path once it is checked. Keeps the newest KEEP_BACKUPS. */
export async function backUp(db: Db, at: Date): Promise<string> {
  const dir = join(dirname(db.name), BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `${basename(db.name)}.${stampOf(at)}.bak`);
  const partial = `${target}.partial`;
  // A copy cut short (the desk closed mid-copy, a full disk) is removed: at HQ each is gigabytes.
  for (const stale of readdirSync(dir).filter((f) => f.endsWith('.partial'))) rmSync(join(dir, stale), { force: true });
  try {
    await db.backup(partial);
    settle(partial);
    if (!sound(partial)) throw new Error('the backup copy did not pass its check');
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, target);
  for (const old of backupsOf(db.name).slice(KEEP_BACKUPS)) rmSync(old, { force: true });
  return target;
}

/** When the newest backup was taken, or null when there is none. */
export function latestBackupAt(file: string): number | null {
  const newest = backupsOf(file)[0];
  const stamp = newest ? /\.(\d{8}T\d{6}Z)\.bak$/.exec(newest)?.[1] : undefined;
  return stamp ? Date.parse(`${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`) : null;
}

/**
 * Puts the newest sound backup in place of a damaged database. The damaged file (and its WAL) is
 * kept beside it under a new name for whoever investigates. Returns the backup used, or null when
 * no sound backup exists (then nothing is moved).
 */
export function restoreNewestBackup(file: string, at: Date): string | null {
  const good = backupsOf(file).find(sound);
  if (!good) return null;
  const aside = `${file}.damaged-${stampOf(at)}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  copyFileSync(good, file);
  return good;
}
