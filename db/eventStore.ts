import { statement } from './statements.js';
import type { EventEnvelope, Entity } from '../shared/events.js';
import type { Db } from './open.js';
import { projectEntity, readSlaContext } from './projections.js';
import { BULK_CASES, keepingSumsInBulk } from './bulkSums.js';
import type { SlaContext } from '../shared/sla/slaFold.js';

/**
 * The only write path for facts: appends the events and re-folds every entity they touch, in
 * one transaction. An event already in the log (same id) is skipped, so a retry is harmless.
 * If anything throws, nothing of the batch is stored.
 */
export function recordEvents(db: Db, events: readonly EventEnvelope[], origin: 'local' | 'server' = 'local'): EventEnvelope[] {
  const insert = statement(db,
    `INSERT INTO events (id, entity, entity_id, type, payload, actor, actor_role, device, hlc, schema, origin, proof)
     VALUES (@id, @entity, @entityId, @type, @payload, @actor, @actorRole, @device, @hlc, @schema, @origin, @proof)
     ON CONFLICT (id) DO NOTHING`,
  );
  return db.transaction(() => {
    const stored: EventEnvelope[] = [];
    const touched = new Map<string, Entity>();
    for (const event of events) {
      const result = insert.run({ ...event, payload: JSON.stringify(event.payload), origin, proof: event.proof ? JSON.stringify(event.proof) : null });
      if (result.changes === 0) continue;
      stored.push(event);
      touched.set(`${event.entity}\u0000${event.entityId}`, event.entity);
    }
    // SLA reference data first (deadlines depend on it), then read it once for every case of the batch.
    const ordered = [...touched].sort(([, a], [, b]) => Number(b === 'sla') - Number(a === 'sla'));
    let sla: SlaContext | undefined;
    const slaOnce = () => (sla ??= readSlaContext(db));
    const project = () => {
      for (const [key, entity] of ordered) projectEntity(db, entity, key.split('\u0000')[1]!, slaOnce);
    };
    const caseIds = [...touched].filter(([, entity]) => entity === 'complaint').map(([key]) => key.split('\u0000')[1]!);
    if (caseIds.length >= BULK_CASES) keepingSumsInBulk(db, caseIds, project);
    else project();
    return stored;
  })();
}
