import { foldCase, type CaseView } from '../shared/fold.js';
import type { Entity, EventEnvelope } from '../shared/events.js';
import type { Db } from './open.js';
import { allEventsByEntity, eventsOf } from './eventLog.js';

/** Tables that are pure folds of the log; rebuilding drops and refills exactly these. */
export const PROJECTION_TABLES = ['complaints'] as const;

function writeComplaint(db: Db, entityId: string, view: CaseView | null): void {
  if (!view) {
    db.prepare('DELETE FROM complaints WHERE id = ?').run(entityId);
    return;
  }
  db.prepare(
    `INSERT INTO complaints (id, case_number, case_prefix, case_seq, branch, customer_name, customer_phone,
       channel, status, received_at, received_hlc, last_hlc, conflict_count, view)
     VALUES (@id, @caseNumber, @casePrefix, @caseSeq, @branch, @customerName, @customerPhone,
       @channel, @status, @receivedAt, @receivedHlc, @lastHlc, @conflictCount, @view)
     ON CONFLICT (id) DO UPDATE SET
       case_number = excluded.case_number, case_prefix = excluded.case_prefix, case_seq = excluded.case_seq,
       branch = excluded.branch, customer_name = excluded.customer_name, customer_phone = excluded.customer_phone,
       channel = excluded.channel, status = excluded.status, received_at = excluded.received_at,
       received_hlc = excluded.received_hlc, last_hlc = excluded.last_hlc,
       conflict_count = excluded.conflict_count, view = excluded.view`,
  ).run({ ...view, conflictCount: view.conflicts.length, view: JSON.stringify(view) });
}

/** Re-folds one entity from its full history, so a late event lands in its right place. */
export function projectEntity(db: Db, entity: Entity, entityId: string): void {
  switch (entity) {
    case 'complaint':
      writeComplaint(db, entityId, foldCase(eventsOf(db, entity, entityId)));
      return;
  }
}

/** Drops every projection and folds it again from the log, in one transaction. */
export function rebuildProjections(db: Db): void {
  db.transaction(() => {
    for (const table of PROJECTION_TABLES) db.prepare(`DELETE FROM ${table}`).run();
    let group: EventEnvelope[] = [];
    const flush = () => {
      const first = group[0];
      if (first?.entity === 'complaint') writeComplaint(db, first.entityId, foldCase(group));
      group = [];
    };
    for (const event of allEventsByEntity(db)) {
      const first = group[0];
      if (first && (first.entity !== event.entity || first.entityId !== event.entityId)) flush();
      group.push(event);
    }
    flush();
  })();
}
