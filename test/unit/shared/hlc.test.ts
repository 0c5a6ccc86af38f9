import { describe, expect, it } from 'vitest';
import { formatHlc, initialHlc, parseHlc, receiveHlc, tickHlc, type HlcState } from '../../../shared/hlc.js';

describe('hybrid logical clock', () => {
  it('keeps issuing increasing stamps when the wall clock jumps backwards', () => {
    let state = initialHlc('desk-a');
    const stamps: string[] = [];
    for (const now of [1_000, 2_000, 1_500, 1_500, 900, 2_001]) {
      state = tickHlc(state, now);
      stamps.push(formatHlc(state));
    }
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('orders a local event after a received one even if the remote clock runs ahead', () => {
    let local = tickHlc(initialHlc('desk-a'), 1_000);
    const remote = formatHlc(tickHlc(initialHlc('desk-b'), 50_000));
    local = receiveHlc(local, remote, 1_001);
    local = tickHlc(local, 1_002);
    expect(formatHlc(local) > remote).toBe(true);
  });

  it('compares as strings exactly as it compares as clocks', () => {
    const rng = (() => {
      let seed = 42;
      return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    })();
    const states: HlcState[] = Array.from({ length: 500 }, () => ({
      wallMs: Math.floor(rng() * 2 ** 45),
      counter: Math.floor(rng() * 3000),
      node: rng() < 0.5 ? 'a' : 'b',
    }));
    const logical = (x: HlcState, y: HlcState) => x.wallMs - y.wallMs || x.counter - y.counter || (x.node < y.node ? -1 : x.node > y.node ? 1 : 0);
    const byString = [...states].sort((x, y) => (formatHlc(x) < formatHlc(y) ? -1 : formatHlc(x) > formatHlc(y) ? 1 : 0));
    expect(byString).toEqual([...states].sort(logical));
  });

  it('round-trips through its string form and rejects garbage', () => {
    const state = { wallMs: 1_795_380_090_823, counter: 77, node: '01a204fe-0ab4' };
    expect(parseHlc(formatHlc(state))).toEqual(state);
    expect(() => parseHlc('yesterday')).toThrow();
  });

  it("never overflows: a stamp at the counter's last value moves the clock on by a millisecond", () => {
    const maxed = formatHlc({ wallMs: 1_000, counter: 36 ** 6 - 1, node: 'desk-b' });
    const next = tickHlc(receiveHlc(initialHlc('desk-a'), maxed, 900), 900);
    expect(formatHlc(next) > maxed).toBe(true);
    expect(next.wallMs).toBe(1_001);
  });
});
