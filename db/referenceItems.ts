import { statement } from './statements.js';
import type { ReferenceItem } from '../shared/referenceItem.js';
import type { Db } from './open.js';

/** The tables that hold folded reference items; both have the same shape. */
export type ReferenceTable = 'library_items' | 'sla_items';

export function readReferenceItems<K extends string>(db: Db, table: ReferenceTable): Array<ReferenceItem<K>> {
  const rows = statement(db, `SELECT kind, item_id, version, data FROM ${table}`).all() as Array<{ kind: K; item_id: string; version: number; data: string }>;
  return rows.map((r) => ({ kind: r.kind, itemId: r.item_id, version: r.version, data: JSON.parse(r.data) as unknown }));
}

export function replaceReferenceItems(db: Db, table: ReferenceTable, items: ReadonlyArray<ReferenceItem<string>>): void {
  statement(db, `DELETE FROM ${table}`).run();
  const insert = statement(db, `INSERT INTO ${table} (kind, item_id, version, data) VALUES (?, ?, ?, ?)`);
  for (const item of items) insert.run(item.kind, item.itemId, item.version, JSON.stringify(item.data));
}
