/**
 * Hybrid logical clock. A stamp is `wallMs:counter:node`, zero-padded so that plain string
 * comparison orders stamps the way the clock does; every replica sorts events identically.
 */
export interface HlcState {
  readonly wallMs: number;
  readonly counter: number;
  readonly node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;

export function initialHlc(node: string): HlcState {
  if (!/^[0-9a-zA-Z-]{1,64}$/.test(node)) throw new Error('HLC node id must be 1–64 characters of [0-9a-zA-Z-]');
  return { wallMs: 0, counter: 0, node };
}

export function formatHlc(state: HlcState): string {
  return `${state.wallMs.toString().padStart(WALL_DIGITS, '0')}:${state.counter
    .toString(36)
    .padStart(COUNTER_DIGITS, '0')}:${state.node}`;
}

export const HLC_PATTERN = /^\d{15}:[0-9a-z]{6}:[0-9a-zA-Z-]{1,64}$/;

export function parseHlc(stamp: string): HlcState {
  if (!HLC_PATTERN.test(stamp)) throw new Error(`not an HLC stamp: ${stamp}`);
  const [wall, counter, node] = stamp.split(':') as [string, string, string];
  return { wallMs: Number(wall), counter: parseInt(counter, 36), node };
}

/** The counter never overflows: past its last value the clock moves on by a millisecond instead. */
function bump(wallMs: number, counter: number, node: string): HlcState {
  if (counter > MAX_COUNTER) return { wallMs: wallMs + 1, counter: 0, node };
  return { wallMs, counter, node };
}

/**
 * How far ahead of a clock a stamp may be and still be believed: a desk never drags its clock, and
 * the server never accepts an event, further into the future than this.
 */
export const MAX_CLOCK_AHEAD_MS = 10 * 60_000;

/** Advance for a local event. The stamp is strictly greater than any stamp seen before. */
export function tickHlc(state: HlcState, nowMs: number): HlcState {
  if (nowMs > state.wallMs) return bump(nowMs, 0, state.node);
  return bump(state.wallMs, state.counter + 1, state.node);
}

/** Advance on receiving a remote stamp, so later local events sort after it. */
export function receiveHlc(state: HlcState, remoteStamp: string, nowMs: number): HlcState {
  const remote = parseHlc(remoteStamp);
  const wall = Math.max(state.wallMs, remote.wallMs, nowMs);
  if (wall === state.wallMs && wall === remote.wallMs) {
    return bump(wall, Math.max(state.counter, remote.counter) + 1, state.node);
  }
  if (wall === state.wallMs) return bump(wall, state.counter + 1, state.node);
  if (wall === remote.wallMs) return bump(wall, remote.counter + 1, state.node);
  return bump(wall, 0, state.node);
}

export function hlcWallMs(stamp: string): number {
  return parseHlc(stamp).wallMs;
}
