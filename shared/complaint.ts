import { z } from 'zod';

export const CHANNELS = ['walk_in', 'phone', 'email', 'online_chat', 'social_media', 'onsite'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Text a person typed: trimmed, and never only blanks. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{4,24}$/;

/** Phones compare by their digits: "138 0013-8000" and "13800138000" are one number. */
export function normalizePhone(phone: string): string {
  return phone.replace(/\D/g, '');
}

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

/** The seeds' process (domain.md), in order. */
export const CASE_STATUSES = [
  'received',
  'classified',
  'assigned',
  'contacted',
  'investigated',
  'proposed',
  'approved',
  'executed',
  'fed_back',
  'followed_up',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => s !== 'closed');
