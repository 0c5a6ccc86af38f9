import { call } from '../desk/client.js';

/**
 * The desk's "now" as the renderer shows it. The desk's clock (fixed in tests, the system clock in
 * use) is the only source: the browser's own clock may be another machine's or simply wrong, and
 * "today 11:00" must mean the desk's today.
 */
let offsetMs = 0;

export function deskNow(): number {
  return Date.now() + offsetMs;
}

/** Asks the desk for its time and keeps the difference; the round trip's midpoint is "now". */
export async function syncDeskClock(): Promise<void> {
  const sent = Date.now();
  const { now } = await call('clock.now', {});
  const received = Date.now();
  offsetMs = now - (sent + received) / 2;
}
