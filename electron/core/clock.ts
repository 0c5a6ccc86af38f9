/** Where "now" comes from; tests and the browser host's --fixed-clock pass their own. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that starts at `startMs` and moves with real time, so tests control the date. */
export function fixedStartClock(startMs: number, realNow: () => number = Date.now): Clock {
  const offset = startMs - realNow();
  return { now: () => realNow() + offset };
}
