/** The order of a calming-first conversation (seed 000): calm the person, then handle the matter. */
export const STEPS = ['calm', 'listen', 'commit', 'explain', 'resolve', 'follow_up'] as const;
export type Step = (typeof STEPS)[number];
/** Solving before the customer is calm only makes it worse: these wait for the calming step. */
export const SOLVE_STEPS: readonly Step[] = ['explain', 'resolve'];
