import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { closeDatabase, DatabaseTooNewError, LATEST_SCHEMA_VERSION, openDatabase, workBeforeOpening, type OpeningProgress } from '../../../db/open.js';
import { recordEvents } from '../../../db/eventStore.js';
import { newId } from '../../../shared/ids.js';
import { noteEvent, receivedEvent } from '../../fixtures/events.js';
import { MIGRATIONS } from '../../../db/migrations.js';
import { tempDir } from '../../fixtures/tempDir.js';
import { CASE_ROWS_WITH_VIEWS, VIEWS_BACK_INTO_ROWS } from '../../fixtures/caseRows.js';
import { getCaseView, searchCases } from '../../../db/complaintQueries.js';
import { searchQuery } from '../../../shared/search.js';

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

  it('tells how far an upgrade is, from the copy through the rebuild, and a host can foresee it', () => {
    const file = join(tempDir(), 'desk.sqlite');
    const first = openDatabase(file);
    const start = Date.parse('2026-11-02T01:00:00Z');
    for (let i = 0; i < 5_000; i += 1_000) {
      recordEvents(first.db, Array.from({ length: 1_000 }, (_, j) => receivedEvent(newId(), start + (i + j) * 60_000, {}, i + j + 1)));
    }
    const cases = first.db.prepare('SELECT id, case_number, status, due_at FROM complaints ORDER BY id').all();
    closeDatabase(first.db, first.checkedAt);
    const next = [...MIGRATIONS, { version: LATEST_SCHEMA_VERSION + 1, sql: 'CREATE TABLE later (x INTEGER)', rebuildProjections: true }];
    expect(workBeforeOpening(file, Date.now())).toBe('none');
    expect(workBeforeOpening(file, Date.now(), next)).toBe('upgrade');
    const seen: OpeningProgress[] = [];
    const upgraded = openDatabase(file, { migrations: next, onProgress: (p) => seen.push(p) });
    // Sealed and untouched, so no page-by-page read; the copy, the migration, then the rebuild counting up to every event.
    expect(seen.map((p) => p.stage)).toEqual(['backingUp', 'migrating', 'rebuilding', 'rebuilding', 'indexing']);
    expect(seen.filter((p) => p.stage === 'rebuilding').map((p) => [p.done, p.total])).toEqual([[2_000, 5_000], [4_000, 5_000]]);
    expect(seen.at(-1)).toEqual({ stage: 'indexing', done: 5_000, total: 5_000 });
    expect(upgraded.db.prepare('SELECT id, case_number, status, due_at FROM complaints ORDER BY id').all()).toEqual(cases);
    closeDatabase(upgraded.db, upgraded.checkedAt);
    expect(workBeforeOpening(file, Date.now(), next)).toBe('none');
  });

  it('keeps every case whole when its view moves out of the case row (migration 19), and the case is written and found as before', () => {
    const file = join(tempDir(), 'desk.sqlite');
    const first = openDatabase(file);
    const ids = Array.from({ length: 30 }, () => newId());
    recordEvents(first.db, ids.map((id, i) => receivedEvent(id, Date.parse('2026-11-02T01:00:00Z') + i * 60_000, {}, i + 1)));
    const before = first.db.prepare(CASE_ROWS_WITH_VIEWS).all();
    first.db.exec(`${VIEWS_BACK_INTO_ROWS} PRAGMA user_version = 18`);
    closeDatabase(first.db, first.checkedAt);

    const { db } = openDatabase(file);
    const columns = (db.prepare("SELECT name FROM pragma_table_info('complaints')").all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).not.toContain('view');
    expect(db.prepare(CASE_ROWS_WITH_VIEWS).all()).toEqual(before);
    // The search index is keyed by the case row's rowid, which the move keeps: every case is still found.
    expect(searchCases(db, searchQuery('热水器')!, {}, 50)).toHaveLength(30);
    // Written again after the upgrade: the view's row is replaced in place, never doubled.
    recordEvents(db, [noteEvent(ids[0]!, Date.parse('2026-11-03T01:00:00Z'), '已回电客户')]);
    expect(getCaseView(db, ids[0]!)!.notes).toContain('已回电客户');
    expect(db.prepare('SELECT count(*) AS n FROM complaint_views').get()).toEqual({ n: 30 });
    db.close();
  });
});
