import { z } from 'zod';

/**
 * How a complaint is classified (domain.md, "Classification"). Severity 1 is the most serious
 * (一级投诉); null means not graded yet (无级别). Escalating moves towards 1 or to major.
 */
export const SEVERITIES = [1, 2, 3] as const;
export type Severity = (typeof SEVERITIES)[number];
export const NATURES = ['valid', 'communication'] as const;
export const COMMUNICATION_KINDS = ['help_seeking', 'consulting', 'venting'] as const;
export const CONTENTS = ['product', 'attitude', 'quality', 'incident'] as const;
export const CAUSES = ['timeliness', 'staff_quality', 'service_level', 'product_quality', 'commercial'] as const;
export const MOTIVES = ['profit', 'publicity', 'emotional', 'unknown'] as const;

export const Severity = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const Classification = z
  .object({
    severity: Severity,
    major: z.boolean(),
    nature: z.enum(NATURES),
    communicationKind: z.enum(COMMUNICATION_KINDS).nullable().default(null),
    content: z.enum(CONTENTS),
    cause: z.enum(CAUSES),
    motive: z.enum(MOTIVES),
  })
  .refine((c) => (c.nature === 'communication') === (c.communicationKind !== null), {
    message: 'a communication complaint names its kind, a valid complaint has none',
    path: ['communicationKind'],
  });
export type Classification = z.infer<typeof Classification>;

/** True when `next` is more serious than `current`: a higher grade, or general → major. */
export function isMoreSerious(
  current: { severity: Severity | null; major: boolean },
  next: { severity: Severity | null; major: boolean },
): boolean {
  const rank = (s: Severity | null) => (s === null ? 4 : s);
  return (next.major && !current.major) || rank(next.severity) < rank(current.severity);
}
