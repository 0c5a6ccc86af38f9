import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseTooNewError, LATEST_SCHEMA_VERSION, openDatabase } from '../../../db/open.js';
import { MIGRATIONS } from '../../../db/migrations.js';
import { tempDir } from '../../fixtures/tempDir.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('opening the database', () => {
  it('creates a new database at the latest schema with WAL, foreign keys and a busy timeout', () => {
    const { db, backupPath } = openDatabase(join(tempDir(), 'desk.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(backupPath).toBeNull();
    db.close();
  });

  it('refuses a database written by a newer CalmDesk and leaves the file untouched', () => {
    const file = join(tempDir(), 'desk.sqlite');
    openDatabase(file).db.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(sha(file)).toBe(before);
  });

  it('copies the database before migrating it, and the copy holds the old data', () => {
    const file = join(tempDir(), 'desk.sqlite');
    const first = openDatabase(file).db;
    first.prepare("INSERT INTO settings (key, value) VALUES ('staffName', '\"张敏\"')").run();
    first.close();
    const next = [...MIGRATIONS, { version: LATEST_SCHEMA_VERSION + 1, sql: 'ALTER TABLE drafts ADD COLUMN origin TEXT' }];
    const { db, backupPath, migratedFrom } = openDatabase(file, { migrations: next, now: () => new Date('2026-11-22T00:00:00Z') });
    expect(migratedFrom).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    db.close();
    expect(backupPath && existsSync(backupPath)).toBe(true);
    const backup = new Database(backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'staffName'").get()).toEqual({ value: '"张敏"' });
    backup.close();
  });

  it('rolls a failing migration back whole, leaving the version and the tables as they were', () => {
    const file = join(tempDir(), 'desk.sqlite');
    openDatabase(file).db.close();
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_SCHEMA_VERSION + 1, sql: 'CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;' },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow(/no_such_table/);
    const { db } = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });
});
