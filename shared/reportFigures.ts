import { z } from 'zod';
import { SLA_STEPS } from './sla/policy.js';

/** A report's figures as they travel: to the screen, and inside a saved monthly report. */
const Counts = z.array(z.object({ key: z.string(), count: z.number().int() }));
export const ReportFiguresSchema = z.object({
  total: z.number().int(),
  major: z.number().int(),
  byContent: Counts,
  bySeverity: Counts,
  byChannel: Counts,
  byDay: Counts,
  byCause: z.array(z.object({ content: z.string(), cause: z.string(), count: z.number().int() })),
  open: z.number().int(),
  overdue: z.number().int(),
  closed: z.number().int(),
  handlingHours: z.object({ average: z.number().nullable(), p90: z.number().nullable() }),
  repeats: z.number().int(),
  satisfaction: Counts,
  unreachable: z.number().int(),
  /** Per member of staff: cases taken at intake, owned, closed, closed with every step on time, satisfaction. */
  byOwner: z.array(
    z.object({
      ownerId: z.string(),
      taken: z.number().int().default(0),
      owned: z.number().int(),
      closed: z.number().int(),
      closedOnTime: z.number().int().default(0),
      averageSatisfaction: z.number().nullable(),
    }),
  ),
  // Added after the first saved monthly reports: those read as having none.
  /** Per process step: finished by the deadline, finished late, running within it, running past it. */
  steps: z.array(z.object({ step: z.enum(SLA_STEPS), onTime: z.number().int(), late: z.number().int(), openInTime: z.number().int(), openOverdue: z.number().int() })).default([]),
  /** Escalation signals (media, regulator, legal…) raised at intake, by kind. */
  signals: Counts.default([]),
  /** Follow-up satisfaction (1–5) by what the complaint was about. */
  satisfactionByContent: z.array(z.object({ key: z.string(), rated: z.number().int(), average: z.number().nullable() })).default([]),
  /** Satisfaction and unreachable customers month by month, ending with the report's month. */
  satisfactionTrend: z.array(z.object({ month: z.string(), rated: z.number().int(), average: z.number().nullable(), unreachable: z.number().int() })).default([]),
  /** Received per day and content category, for the stacked chart over time. */
  byDayContent: z.array(z.object({ day: z.string(), content: z.string(), count: z.number().int() })).default([]),
  /** Customers who came back most often in the period (ISO 10002's recurring issues), by customer or phone. */
  repeaters: z.array(z.object({ key: z.string(), name: z.string(), phone: z.string(), cases: z.number().int(), repeats: z.number().int() })).default([]),
  byBranch: z.array(z.object({ branch: z.string(), total: z.number().int(), overdue: z.number().int(), repeats: z.number().int(), averageSatisfaction: z.number().nullable() })).default([]),
});

export type ReportFigures = z.infer<typeof ReportFiguresSchema>;
