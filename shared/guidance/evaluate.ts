import { analyze, type GuidanceLocale, type Temperature } from './analyze.js';
import { SIGNAL_KINDS, GUIDANCE_CONTENTS, GUIDANCE_MOTIVES, type SignalKind } from './lexicons.js';

/** A labelled utterance: what a trainer says the engine should read from it. */
export interface Labelled {
  id: string;
  text: string;
  locale?: GuidanceLocale;
  expect: { temperature: Temperature; signals: SignalKind[]; content: string; motive: string };
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export interface Report {
  count: number;
  angry: Score;
  escalation: Score;
  signals: Record<SignalKind, Score>;
  contentAccuracy: number;
  motiveAccuracy: number;
  temperatureConfusion: number[][];
  contentConfusion: Record<string, Record<string, number>>;
  misses: Array<{ id: string; field: string; expected: unknown; got: unknown }>;
}

const ESCALATION: SignalKind[] = ['media', 'legal', 'regulator', 'social', 'safety', 'threat'];

/** Compares the engine's reading with the labels: the figures HQ looks at before publishing a lexicon. */
export function evaluate(rows: readonly Labelled[]): Report {
  const counts = { angry: [0, 0, 0], escalation: [0, 0, 0] };
  const perSignal = Object.fromEntries(SIGNAL_KINDS.map((k) => [k, [0, 0, 0]])) as Record<SignalKind, number[]>;
  const temperatureConfusion = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  const contentConfusion: Record<string, Record<string, number>> = {};
  const misses: Report['misses'] = [];
  let contentRight = 0;
  let motiveRight = 0;
  const tally = (cell: number[], predicted: boolean, actual: boolean) => {
    if (predicted && actual) cell[0]! += 1;
    else if (predicted) cell[1]! += 1;
    else if (actual) cell[2]! += 1;
  };
  for (const row of rows) {
    const a = analyze(row.text, row.locale);
    const got = new Set(a.signals.map((s) => s.kind));
    tally(counts.angry, a.temperature >= 2, row.expect.temperature >= 2);
    temperatureConfusion[row.expect.temperature]![a.temperature]! += 1;
    for (const kind of SIGNAL_KINDS) tally(perSignal[kind], got.has(kind), row.expect.signals.includes(kind));
    for (const kind of ESCALATION) tally(counts.escalation, got.has(kind), row.expect.signals.includes(kind));
    contentConfusion[row.expect.content] ??= {};
    contentConfusion[row.expect.content]![a.content] = (contentConfusion[row.expect.content]![a.content] ?? 0) + 1;
    if (a.content === row.expect.content) contentRight += 1;
    else misses.push({ id: row.id, field: 'content', expected: row.expect.content, got: a.content });
    if (a.motive === row.expect.motive) motiveRight += 1;
    if ((a.temperature >= 2) !== (row.expect.temperature >= 2)) misses.push({ id: row.id, field: 'temperature', expected: row.expect.temperature, got: a.temperature });
    for (const kind of ESCALATION) {
      if (got.has(kind) !== row.expect.signals.includes(kind)) misses.push({ id: row.id, field: `signal ${kind}`, expected: row.expect.signals.includes(kind), got: got.has(kind) });
    }
  }
  const fromCell = (c: number[]) => score(c[0]!, c[1]!, c[2]!);
  return {
    count: rows.length,
    angry: fromCell(counts.angry),
    escalation: fromCell(counts.escalation),
    signals: Object.fromEntries(SIGNAL_KINDS.map((k) => [k, fromCell(perSignal[k])])) as Record<SignalKind, Score>,
    contentAccuracy: rows.length ? contentRight / rows.length : 1,
    motiveAccuracy: rows.length ? motiveRight / rows.length : 1,
    temperatureConfusion,
    contentConfusion,
    misses,
  };
}

const pct = (x: number) => x.toFixed(3);

export function formatReport(r: Report): string {
  const lines = [`${r.count} labelled utterances`, ''];
  lines.push('label                 precision  recall  F1');
  const row = (name: string, s: Score) => lines.push(`${name.padEnd(22)}${pct(s.precision).padStart(9)}${pct(s.recall).padStart(8)}${pct(s.f1).padStart(7)}`);
  row('angry (temperature≥2)', r.angry);
  row('any escalation signal', r.escalation);
  for (const kind of SIGNAL_KINDS) row(`signal ${kind}`, r.signals[kind]);
  lines.push('', `content accuracy ${pct(r.contentAccuracy)}, motive accuracy ${pct(r.motiveAccuracy)}`, '');
  lines.push('temperature confusion (rows: expected 0–3, columns: got 0–3)');
  r.temperatureConfusion.forEach((cells, t) => lines.push(`  ${t}: ${cells.map((c) => String(c).padStart(4)).join('')}`));
  lines.push('', 'content confusion (expected → got: count)');
  for (const expected of GUIDANCE_CONTENTS) {
    const got = r.contentConfusion[expected];
    if (got) lines.push(`  ${expected.padEnd(16)} ${Object.entries(got).map(([k, v]) => `${k}:${v}`).join('  ')}`);
  }
  void GUIDANCE_MOTIVES;
  return lines.join('\n');
}
