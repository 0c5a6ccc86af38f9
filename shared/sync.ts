import { z } from 'zod';
import { EventEnvelope } from './events.js';

/** The sync protocol between a desk and the central server: versioned paths, zod at both ends. */
export const SYNC_API = '/v1';
export const MAX_PUSH_EVENTS = 500;
export const MAX_PULL_EVENTS = 1_000;

export const EnrolRequest = z.object({ code: z.string().trim().min(6).max(64) });
export const EnrolResponse = z.object({
  deviceId: z.uuid(),
  token: z.string().min(20),
  branch: z.string(),
  deviceCode: z.string(),
  scope: z.enum(['branch', 'hq']),
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

export const PushRequest = z.object({ events: z.array(EventEnvelope).min(1).max(MAX_PUSH_EVENTS) });

export const REFUSAL_REASONS = ['other_branch', 'unknown_case', 'reference_data_needs_hq', 'actor_not_staff', 'invalid_payload'] as const;
export type SyncRefusal = (typeof REFUSAL_REASONS)[number];

export const PushResponse = z.object({
  accepted: z.array(z.string()),
  duplicates: z.array(z.string()),
  refused: z.array(z.object({ id: z.string(), reason: z.enum(REFUSAL_REASONS) })),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PulledEvent = EventEnvelope.extend({ seq: z.number().int().positive() });
export const PullResponse = z.object({ events: z.array(PulledEvent), next: z.number().int().min(0), more: z.boolean() });
export type PullResponse = z.infer<typeof PullResponse>;

export const StaffSignIn = z.object({ staffId: z.uuid(), password: z.string().min(1).max(200) });
