/** What the desk's sync client reads and writes besides the events themselves. */
import { statement } from './statements.js';
import type { EventEnvelope } from '../shared/events.js';
import type { SessionGrant } from '../shared/proof.js';
import { rowToEvent, type EventRow } from './eventLog.js';
import type { Db } from './open.js';

/** Events made on this desk after `afterSeq`, oldest first, with their local sequence. */
export function localEventsAfter(db: Db, afterSeq: number, limit: number): Array<{ seq: number; event: EventEnvelope }> {
  const rows = statement(db, "SELECT * FROM events WHERE origin = 'local' AND seq > ? ORDER BY seq LIMIT ?").all(afterSeq, limit) as Array<EventRow & { seq: number }>;
  return rows.map((row) => ({ seq: row.seq, event: rowToEvent(row) }));
}

/** Local events not pushed yet and not refused by the server. */
export function countWaiting(db: Db, afterSeq: number): number {
  return (statement(db, "SELECT count(*) AS n FROM events WHERE origin = 'local' AND seq > ? AND id NOT IN (SELECT event_id FROM sync_refused)").get(afterSeq) as { n: number }).n;
}

export function recordRefusals(db: Db, refusals: ReadonlyArray<{ id: string; reason: string }>, at: number): void {
  const refuse = statement(db, 'INSERT OR REPLACE INTO sync_refused (event_id, reason, refused_at) VALUES (?, ?, ?)');
  for (const r of refusals) refuse.run(r.id, r.reason, at);
}

export function latestRefusals(db: Db, limit = 50): Array<{ eventId: string; type: string; reason: string }> {
  return statement(db, 'SELECT r.event_id AS eventId, e.type AS type, r.reason AS reason FROM sync_refused r JOIN events e ON e.id = r.event_id ORDER BY r.refused_at DESC LIMIT ?')
    .all(limit) as Array<{ eventId: string; type: string; reason: string }>;
}

/** A session grant opened on this desk; kept to be pushed with the events it proves. */
export function saveGrant(db: Db, grant: SessionGrant): void {
  statement(db, 'INSERT OR IGNORE INTO session_grants (id, staff_id, body) VALUES (?, ?, ?)').run(grant.id, grant.staffId, JSON.stringify(grant));
}

export function grantsByIds(db: Db, ids: readonly string[]): SessionGrant[] {
  if (!ids.length) return [];
  const rows = statement(db, `SELECT body FROM session_grants WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Array<{ body: string }>;
  return rows.map((r) => JSON.parse(r.body) as SessionGrant);
}
