import { z } from 'zod';
import { IntakeFields, PHONE_PATTERN } from './complaint.js';
import { HLC_PATTERN } from './hlc.js';
import { CASE_NUMBER_PATTERN } from './caseNumber.js';
import { Classification, Severity } from './classification.js';
import { ACTOR_ROLES, ROLES, StaffName } from './staff.js';
import { STEPS } from './guidance/steps.js';
import { SIGNAL_KINDS } from './guidance/lexicons.js';
import { Credential, EventProof } from './proof.js';
import { IMPROVE_TAGS, NOT_REACHED, SOLVED, type Solved } from './followUp.js';
import { WorkOrderEventPayloads } from './workOrder.js';

/** Which calming script was shown at intake, and which of its steps the clerk marked done. */
/** The escalation signals the guidance raised on the customer's words at intake. */
export const IntakeSignals = z.array(z.enum(SIGNAL_KINDS)).max(SIGNAL_KINDS.length).default([]);
export const GuidanceRecord = z.object({ scriptVersion: z.number().int().positive(), stepsDone: z.array(z.enum(STEPS)) });

export const EVENT_SCHEMA_VERSION = 1;

export const ENTITIES = ['complaint', 'customer', 'staff', 'library', 'sla', 'report'] as const;

/** The one library entity: scripts and standard answers published by HQ and managers. */
export const LIBRARY_ENTITY_ID = '00000000-0000-7000-8000-00000000c0de';
/** The one SLA entity: policies, calendar years and opening hours published by HQ and managers. */
export const SLA_ENTITY_ID = '00000000-0000-7000-8000-0000000051a0';
export type Entity = (typeof ENTITIES)[number];

const text = (max = 4_000) => z.string().trim().min(1).max(max);
const optionalText = (max = 4_000) => z.string().trim().max(max).default('');

export const AUTO_ESCALATION_RULES = ['no_contact', 'chasers'] as const;

/** Payload schemas per complaint event type. Adding a type here is how the log learns a new fact. */
export const ComplaintEventPayloads = {
  received: IntakeFields.extend({
    caseNumber: z.string().regex(CASE_NUMBER_PATTERN),
    branch: z.string().min(1),
    receivedAt: z.iso.datetime(),
    customerId: z.uuid().nullable().default(null),
    /** Earlier cases of the same customer about a similar matter, found at intake. */
    repeatOf: z.array(z.uuid()).default([]),
    guidance: GuidanceRecord.nullable().default(null),
    signals: IntakeSignals,
    /** The SLA policy version in force at intake: the case keeps it for life. */
    policyVersion: z.number().int().positive().default(1),
  }),
  classified: Classification,
  assigned: z.object({ ownerId: z.string().min(1) }),
  handed_over: z.object({ toId: z.string().min(1), reason: text(1_000) }),
  customer_contacted: z.object({ summary: text() }),
  investigated: z.object({ findings: text() }),
  proposal_made: z.object({ remedy: text(), compensation: optionalText(), correctiveAction: optionalText() }),
  proposal_withdrawn: z.object({ reason: text(1_000) }),
  proposal_rejected: z.object({ reason: text(1_000) }),
  approved: z.object({ comment: optionalText(1_000) }),
  executed: z.object({ summary: text() }),
  feedback_given: z.object({ summary: text() }),
  /** The customer was reached: satisfaction with the handling, and the three questions of seed 000. */
  followed_up: z.object({
    satisfaction: z.number().int().min(1).max(5),
    // Recorded as yes/no before partly was asked; read either way.
    solved: z.union([z.enum(SOLVED), z.boolean().transform((b): Solved => (b ? 'yes' : 'no'))]),
    expectationMet: z.boolean().nullable().default(null),
    improve: z.array(z.enum(IMPROVE_TAGS)).max(IMPROVE_TAGS.length).default([]),
    suggestions: optionalText(),
    /** A major case that goes back to work goes to this supervisor or manager, not to its clerk. */
    returnTo: z.string().min(1).max(64).nullable().default(null),
  }),
  /** A follow-up call that did not reach the customer; the third closes the follow-up as unreachable. */
  follow_up_attempted: z.object({ outcome: z.enum(NOT_REACHED), note: optionalText(1_000) }),
  /** A supervisor gives the follow-up call to someone other than the case owner. */
  follow_up_assigned: z.object({ toId: z.string().min(1).max(64) }),
  closed: z
    .object({ customerAccepted: z.boolean(), recourse: optionalText(1_000) })
    .refine((c) => c.customerAccepted || c.recourse.length > 0, {
      message: 'when the customer does not accept, the recourse offered must be recorded',
      path: ['recourse'],
    }),
  reopened: z.object({ reason: text(1_000) }),
  chased: z.object({ source: z.enum(['customer', 'internal']), note: optionalText(1_000) }),
  escalated: z.object({
    severity: Severity.nullable(),
    major: z.boolean(),
    reason: text(1_000),
    /** Set on the app's own escalations: which of seed 000's rules fired (the screen words it). */
    rule: z.enum(AUTO_ESCALATION_RULES).optional(),
  }),
  note_added: z.object({ text: text(10_000) }),
  conflict_settled: z.object({ eventId: z.uuid(), note: text(1_000) }),
  guidance_step_done: z.object({ step: z.enum(STEPS), scriptVersion: z.number().int().positive() }),
  /** Waiting on the customer (documents, a visit they asked to move): the clock stops. */
  clock_paused: z.object({ reason: text(1_000) }),
  clock_resumed: z.object({ note: optionalText(1_000) }),
  /** Onsite visits booked on the case and carried out by a technician (shared/workOrder.ts). */
  ...WorkOrderEventPayloads,
} as const;

export type ComplaintEventType = keyof typeof ComplaintEventPayloads;
export type ComplaintPayload<T extends ComplaintEventType> = z.output<(typeof ComplaintEventPayloads)[T]>;

export const Phone = z.string().trim().regex(PHONE_PATTERN);

export const CustomerEventPayloads = {
  customer_registered: z.object({ name: text(100), phones: z.array(Phone).min(1).max(10) }),
  customer_updated: z.object({
    name: text(100).optional(),
    phones: z.array(Phone).min(1).max(10).optional(),
    notes: z.string().trim().max(4_000).optional(),
    tier: z.enum(['standard', 'vip', 'key_account']).optional(),
  }),
} as const;

/**
 * A member of staff: desk staff carry a credential (their key, wrapped under their PIN); staff made
 * centrally also carry the server's password hash (argon2) for signing in against it.
 */
export const StaffEventPayloads = {
  staff_enrolled: z
    .object({ name: StaffName, role: z.enum(ROLES), branch: z.string().min(1).max(8), pinHash: z.string().max(400).default(''), credential: Credential.optional() })
    .refine((p) => p.pinHash !== '' || p.credential !== undefined, { message: 'a member of staff needs a way to sign in', path: ['credential'] }),
  staff_pin_changed: z
    .object({ pinHash: z.string().max(400).default(''), credential: Credential.optional() })
    .refine((p) => p.pinHash !== '' || p.credential !== undefined, { message: 'a new PIN needs a credential', path: ['credential'] }),
  staff_role_changed: z.object({ role: z.enum(ROLES) }),
  staff_deactivated: z.object({ reason: optionalText(500) }),
  /** Exports carry personal data: who exported which cases, and how many, is on record. */
  export_made: z.object({ what: z.string().trim().min(1).max(200), rows: z.number().int().nonnegative() }),
} as const;

export const EventEnvelope = z.object({
  id: z.uuid(),
  entity: z.enum(ENTITIES),
  entityId: z.uuid(),
  type: z.string().min(1).max(64),
  payload: z.unknown(),
  actor: z.string().min(1).max(200),
  /** The actor's role when acting: the fold re-checks permissions with it on every replica. */
  actorRole: z.enum(ACTOR_ROLES),
  device: z.string().min(1).max(64),
  hlc: z.string().regex(HLC_PATTERN),
  schema: z.number().int().positive(),
  /** Who really made it: a MAC under the actor's session grant, or the actor's signature (shared/proof.ts). */
  proof: EventProof.optional(),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;
