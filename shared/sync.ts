import { z } from 'zod';
import { EventEnvelope } from './events.js';
import { SessionGrant } from './proof.js';
import { BRANCH_CODE_PATTERN, DEVICE_CODE_PATTERN } from './caseNumber.js';
import { StaffName } from './staff.js';

/** The sync protocol between a desk and the central server: versioned paths, zod at both ends. */
export const SYNC_API = '/v1';
export const MAX_PUSH_EVENTS = 500;
export const MAX_PULL_EVENTS = 1_000;
/** The most a request body may hold once unpacked. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/**
 * Unpacked bytes of the events in one pushed batch or one pulled page: 500 long complaints (4,000
 * characters each) are past the body limit, and a batch the server refuses would be sent again for ever.
 */
export const MAX_BATCH_BYTES = MAX_BODY_BYTES / 2;

const utf8 = new TextEncoder();

/** The first JSON texts that fit in `budget` bytes (always at least one). */
export function textsWithin(texts: readonly string[], budget: number): string[] {
  let bytes = 0;
  let count = 0;
  for (const text of texts) {
    bytes += utf8.encode(text).byteLength;
    if (count && bytes > budget) break;
    count += 1;
  }
  return texts.slice(0, count);
}

/**
 * A desk joins with a one-time code. It says who it already is (set up offline with a branch and
 * desk code: the code must be for exactly that desk) and introduces its first manager, whose key
 * the code vouches for; everyone else that desk enrols is proven by a manager's key after that.
 */
export const EnrolRequest = z.object({
  code: z.string().trim().min(6).max(64),
  desk: z.object({ deviceId: z.uuid(), branch: z.string().regex(BRANCH_CODE_PATTERN), deviceCode: z.string().regex(DEVICE_CODE_PATTERN) }),
  firstManager: z.object({ staffId: z.uuid(), name: StaffName, publicKey: z.string().min(20).max(200) }),
});
export type EnrolRequest = z.infer<typeof EnrolRequest>;
export const EnrolResponse = z.object({
  deviceId: z.uuid(),
  token: z.string().min(20),
  branch: z.string(),
  deviceCode: z.string(),
  scope: z.enum(['branch', 'hq']),
  serverKey: z.string().min(20).max(200),
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

export const PushRequest = z.object({
  events: z.array(EventEnvelope).min(1).max(MAX_PUSH_EVENTS),
  /** The session grants that the batch's MACs refer to (the server keeps them after the first time). */
  grants: z.array(SessionGrant).max(MAX_PUSH_EVENTS).default([]),
});

export const REFUSAL_REASONS = [
  'other_branch',
  'unknown_case',
  'reference_data_needs_hq',
  'actor_not_staff',
  'invalid_payload',
  /** No proof, or a proof that does not check out: the event may not be by whom it says. */
  'actor_unproven',
  /** The role written in the event is not the actor's role at that time in the server's record. */
  'role_mismatch',
  /** Staff, role, PIN and reference-data changes are for managers. */
  'needs_manager',
  /** Stamped further in the future than the server believes any clock. */
  'clock_ahead',
  /** The device written in the event is not the desk that sent it. */
  'wrong_device',
  /** A case number of another desk's prefix, or one already issued. */
  'case_number',
  /** Reference data under an id that is not the one library or SLA entity. */
  'wrong_entity',
] as const;
export type SyncRefusal = (typeof REFUSAL_REASONS)[number];

export const PushResponse = z.object({
  accepted: z.array(z.string()),
  duplicates: z.array(z.string()),
  refused: z.array(z.object({ id: z.string(), reason: z.enum(REFUSAL_REASONS) })),
  /**
   * The highest sequence number the server gave this batch's events. The desk pulls with it as
   * `mine`, so its own events up to there do not come back to it (servers before this field omit it).
   */
  storedUpTo: z.number().int().positive().optional(),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PulledEvent = EventEnvelope.extend({ seq: z.number().int().positive() });
export const PullResponse = z.object({ events: z.array(PulledEvent), next: z.number().int().min(0), more: z.boolean() });
export type PullResponse = z.infer<typeof PullResponse>;

export const StaffSignIn = z.object({ staffId: z.uuid(), password: z.string().min(1).max(200) });
