import { z } from 'zod';
import { IntakeFields } from './complaint.js';
import { HLC_PATTERN } from './hlc.js';
import { CASE_NUMBER_PATTERN } from './caseNumber.js';

export const EVENT_SCHEMA_VERSION = 1;

export const ENTITIES = ['complaint'] as const;
export type Entity = (typeof ENTITIES)[number];

/** Payload schemas per event type. Adding a type here is how the log learns a new fact. */
export const ComplaintEventPayloads = {
  received: IntakeFields.extend({
    caseNumber: z.string().regex(CASE_NUMBER_PATTERN),
    branch: z.string().min(1),
    receivedAt: z.iso.datetime(),
  }),
  note_added: z.object({ text: z.string().trim().min(1).max(10_000) }),
} as const;

export type ComplaintEventType = keyof typeof ComplaintEventPayloads;
export const COMPLAINT_EVENT_TYPES = Object.keys(ComplaintEventPayloads) as ComplaintEventType[];

export const EventEnvelope = z.object({
  id: z.uuid(),
  entity: z.enum(ENTITIES),
  entityId: z.uuid(),
  type: z.string().min(1).max(64),
  payload: z.unknown(),
  actor: z.string().min(1).max(200),
  device: z.string().min(1).max(64),
  hlc: z.string().regex(HLC_PATTERN),
  schema: z.number().int().positive(),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

export type ComplaintEvent = {
  [K in ComplaintEventType]: Omit<EventEnvelope, 'type' | 'payload' | 'entity'> & {
    entity: 'complaint';
    type: K;
    payload: z.infer<(typeof ComplaintEventPayloads)[K]>;
  };
}[ComplaintEventType];

/** Checks an envelope's payload against its type; unknown types stay raw (written by a newer app). */
export function parseComplaintPayload(type: string, payload: unknown): { known: true; payload: unknown } | { known: false } {
  if (!(type in ComplaintEventPayloads)) return { known: false };
  const schema = ComplaintEventPayloads[type as ComplaintEventType];
  return { known: true, payload: schema.parse(payload) };
}
