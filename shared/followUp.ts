/**
 * The follow-up visit (回访) after the result is fed back: seed 000's three questions, on the usual
 * five-point scale with words, and what happens when the customer cannot be reached.
 */
export const NOT_REACHED = ['no_answer', 'wrong_number', 'refused'] as const;
export type NotReached = (typeof NOT_REACHED)[number];
export const SOLVED = ['yes', 'partly', 'no'] as const;
export type Solved = (typeof SOLVED)[number];
export const IMPROVE_TAGS = ['attitude', 'speed', 'result', 'explanation', 'process'] as const;
/** 5 very satisfied … 1 very dissatisfied; each has its words on screen, never bare stars. */
export const SATISFACTION_SCALE = [5, 4, 3, 2, 1] as const;

/** Attempts on different days before the follow-up closes as unreachable (the common SOP's three). */
export const MAX_FOLLOW_UP_ATTEMPTS = 3;

/**
 * A follow-up that finds the customer dissatisfied, or the problem not (fully) solved, sends the
 * case back to work: "if the customer is not satisfied, restart the process".
 */
export function reopensCase(outcome: { satisfaction: number; solved: Solved }): boolean {
  return outcome.satisfaction <= 2 || outcome.solved !== 'yes';
}
