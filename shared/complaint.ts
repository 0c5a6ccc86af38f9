import { z } from 'zod';

export const CHANNELS = ['walk_in', 'phone', 'email', 'online_chat', 'social_media', 'onsite'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Text a person typed: trimmed, and never only blanks. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{4,24}$/;

export const CustomerContact = z.object({
  name: requiredText(100),
  phone: z.string().trim().regex(PHONE_PATTERN),
});
export type CustomerContact = z.infer<typeof CustomerContact>;

/** What the clerk records at intake. Shared by the contract, the event payload and the draft. */
export const IntakeFields = z.object({
  customer: CustomerContact,
  channel: z.enum(CHANNELS),
  description: requiredText(10_000),
  expectation: z.string().trim().max(2_000).default(''),
});
export type IntakeFields = z.infer<typeof IntakeFields>;

export const CASE_STATUSES = ['received'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
