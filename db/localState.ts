import { statement } from './statements.js';
import type { Db } from './open.js';

/**
 * Device-local state that is not a domain fact and never syncs: this desk's preferences,
 * half-typed drafts, and its own identity.
 */
export function readJson<T>(db: Db, table: 'settings' | 'meta', key: string): T | undefined {
  const row = statement(db, `SELECT value FROM ${table} WHERE key = ?`).get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function writeJson(db: Db, table: 'settings' | 'meta', key: string, value: unknown): void {
  statement(db, `INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(
    key,
    JSON.stringify(value),
  );
}

export function readAllSettings(db: Db): Record<string, unknown> {
  const rows = statement(db, 'SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

export function saveDraft(db: Db, key: string, data: unknown, savedAt: string): void {
  statement(db,
    'INSERT INTO drafts (key, data, saved_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at',
  ).run(key, JSON.stringify(data), savedAt);
}

export function loadDraft(db: Db, key: string): { data: unknown; savedAt: string } | null {
  const row = statement(db, 'SELECT data, saved_at FROM drafts WHERE key = ?').get(key) as
    | { data: string; saved_at: string }
    | undefined;
  return row ? { data: JSON.parse(row.data) as unknown, savedAt: row.saved_at } : null;
}

export function clearDraft(db: Db, key: string): boolean {
  return statement(db, 'DELETE FROM drafts WHERE key = ?').run(key).changes > 0;
}

/** Records that this desk rang an alarm; false when it already had (each rings once, across restarts). */
export function markAlarmRaised(db: Db, alarm: { caseId: string; step: string; stepStart: number; threshold: string }, at: number): boolean {
  return (
    statement(db, 'INSERT OR IGNORE INTO alarms_raised (case_id, step, step_start, threshold, raised_at) VALUES (?, ?, ?, ?, ?)')
      .run(alarm.caseId, alarm.step, alarm.stepStart, alarm.threshold, at).changes > 0
  );
}
