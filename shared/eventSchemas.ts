import type { z } from 'zod';
import { ComplaintEventPayloads, CustomerEventPayloads, LIBRARY_ENTITY_ID, SLA_ENTITY_ID, StaffEventPayloads, type Entity } from './events.js';
import { SlaEventPayloads } from './sla/slaFold.js';
import { LibraryEventPayloads } from './guidance/libraryFold.js';
import { ReportEventPayloads } from './monthlyReport.js';

/** Every event type this version knows, per entity, with its payload schema: one table for desk and server. */
export const PAYLOAD_SCHEMAS: Record<Entity, Record<string, z.ZodType>> = {
  complaint: ComplaintEventPayloads,
  customer: CustomerEventPayloads,
  staff: StaffEventPayloads,
  sla: SlaEventPayloads,
  library: LibraryEventPayloads,
  report: ReportEventPayloads,
};

/** Reference data lives in one entity each; an event under any other id is not reference data. */
export const REFERENCE_ENTITY_IDS: Partial<Record<Entity, string>> = { library: LIBRARY_ENTITY_ID, sla: SLA_ENTITY_ID };

export function payloadSchemaOf(entity: Entity, type: string): z.ZodType | undefined {
  const table = PAYLOAD_SCHEMAS[entity];
  return Object.prototype.hasOwnProperty.call(table, type) ? table[type] : undefined;
}
