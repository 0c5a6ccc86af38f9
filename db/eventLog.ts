/** Reading the append-only event log. */
import { statement } from './statements.js';
import type { EventEnvelope, Entity } from '../shared/events.js';
import type { Db } from './open.js';

export interface EventRow {
  id: string;
  entity: string;
  entity_id: string;
  type: string;
  payload: string;
  actor: string;
  actor_role: string;
  device: string;
  hlc: string;
  schema: number;
  proof: string | null;
}

export function rowToEvent(row: EventRow): EventEnvelope {
  return {
    ...(row.proof ? { proof: JSON.parse(row.proof) as EventEnvelope['proof'] } : {}),
    id: row.id,
    entity: row.entity as Entity,
    entityId: row.entity_id,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    actor: row.actor,
    actorRole: row.actor_role as EventEnvelope['actorRole'],
    device: row.device,
    hlc: row.hlc,
    schema: row.schema,
  };
}

export function eventsOf(db: Db, entity: Entity, entityId: string): EventEnvelope[] {
  const rows = statement(db, 'SELECT * FROM events WHERE entity = ? AND entity_id = ? ORDER BY hlc, id')
    .all(entity, entityId) as EventRow[];
  return rows.map(rowToEvent);
}

const PAGE_ROWS = 5_000;

/**
 * Every event in the log, grouped by entity and in HLC order within each entity. Reads in pages
 * (keyset), so the caller may write to the database between items.
 */
export function* allEventsByEntity(db: Db): Generator<EventEnvelope> {
  const first = statement(db, 'SELECT * FROM events ORDER BY entity, entity_id, hlc, id LIMIT ?');
  const after = statement(db,
    'SELECT * FROM events WHERE (entity, entity_id, hlc, id) > (?, ?, ?, ?) ORDER BY entity, entity_id, hlc, id LIMIT ?',
  );
  let page = first.all(PAGE_ROWS) as EventRow[];
  while (page.length > 0) {
    for (const row of page) yield rowToEvent(row);
    if (page.length < PAGE_ROWS) return;
    const last = page[page.length - 1]!;
    page = after.all(last.entity, last.entity_id, last.hlc, last.id, PAGE_ROWS) as EventRow[];
  }
}

/**
 * The highest stamp in the log: every stamp made here, and those pulled from other desks up to
 * `pulledNotAfterMs` (another desk's clock from the future is no reason to move this one's).
 */
export function latestHlc(db: Db, pulledNotAfterMs = Number.MAX_SAFE_INTEGER): string | null {
  const bound = String(Math.min(pulledNotAfterMs, 999_999_999_999_999)).padStart(15, '0') + ':~';
  const row = statement(db, "SELECT max(hlc) AS hlc FROM events WHERE origin = 'local' OR hlc < ?").get(bound) as { hlc: string | null };
  return row.hlc;
}

export function countEvents(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM events').get() as { n: number }).n;
}

