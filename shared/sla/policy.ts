import { z } from 'zod';
import { Severity } from '../classification.js';

/**
 * How long each step of the process may take (domain.md, from the seeds), as data that a manager
 * can change per organisation, branch, severity and major. Versions never change once published:
 * a case keeps the version it started under, so a policy change never moves a deadline silently.
 */
export const SLA_STEPS = ['classify', 'contact', 'assign', 'investigate', 'approve', 'execute', 'feed_back', 'follow_up', 'close'] as const;
export type SlaStep = (typeof SLA_STEPS)[number];

export const Limit = z.object({ amount: z.number().positive().max(10_000), unit: z.enum(['working_hours', 'working_days', 'hours']) });
export type Limit = z.infer<typeof Limit>;

const Limits = z.object(Object.fromEntries(SLA_STEPS.map((s) => [s, Limit])) as Record<SlaStep, typeof Limit>);

export const Policy = z.object({
  version: z.number().int().positive(),
  limits: Limits,
  overrides: z.array(
    z.object({
      branch: z.string().optional(),
      severity: Severity.optional(),
      major: z.boolean().optional(),
      limits: Limits.partial(),
    }),
  ),
  /** Seed 000: no contact within 24 hours, or a third chaser, makes the complaint a graded one. */
  escalateNoContactHours: z.number().positive().max(720),
  escalateAfterChasers: z.number().int().min(1).max(20),
  /** A step is due soon once this share of its time is left. */
  dueSoonShare: z.number().min(0.05).max(0.9),
});
export type Policy = z.infer<typeof Policy>;

export const DEFAULT_POLICY: Policy = {
  version: 1,
  limits: {
    classify: { amount: 1, unit: 'working_hours' },
    contact: { amount: 2, unit: 'working_hours' },
    assign: { amount: 2, unit: 'working_days' },
    investigate: { amount: 5, unit: 'working_days' },
    approve: { amount: 3, unit: 'working_days' },
    execute: { amount: 2, unit: 'working_days' },
    feed_back: { amount: 1, unit: 'working_days' },
    follow_up: { amount: 3, unit: 'working_days' },
    close: { amount: 1, unit: 'working_days' },
  },
  overrides: [],
  escalateNoContactHours: 24,
  escalateAfterChasers: 3,
  dueSoonShare: 0.25,
};

/** The limit for a step of this case: the most specific matching override wins. */
export function limitFor(policy: Policy, step: SlaStep, facts: { branch: string; severity: Severity | null; major: boolean }): Limit {
  let best: { limit: Limit; score: number } = { limit: policy.limits[step], score: -1 };
  for (const o of policy.overrides) {
    const limit = o.limits[step];
    if (!limit) continue;
    if (o.branch !== undefined && o.branch !== facts.branch) continue;
    if (o.severity !== undefined && o.severity !== facts.severity) continue;
    if (o.major !== undefined && o.major !== facts.major) continue;
    const score = (o.branch !== undefined ? 4 : 0) + (o.severity !== undefined ? 2 : 0) + (o.major !== undefined ? 1 : 0);
    if (score >= best.score) best = { limit, score };
  }
  return best.limit;
}
