/**
 * `npm run guidance -- train`: the guidance model (shared/guidance/model.ts) from the openly licensed
 * corpora in ../shared/data/guidance-train, with the rows that match held-out text dropped. Seeded
 * and single-threaded, so running it again writes the same bytes. Thresholds are calibrated on the
 * corpora's own dev splits and on ../shared/data/guidance-dev (never trained on); the corpora's test
 * splits and a tenth of XED are held back and only reported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, playful, type GuidanceLocale } from '../shared/guidance/analyze.js';
import { combine, featuresOf, MODEL_BITS, readWithModel, loadModel, MODEL_TEMPERS_BEYOND, type Model, type ModelFile, type Thresholds } from '../shared/guidance/model.js';

export const TRAIN_DIR = join(process.cwd(), '..', 'shared', 'data', 'guidance-train');
export const DEV_DIR = join(process.cwd(), '..', 'shared', 'data', 'guidance-dev');

/** One labelled text; a head whose label is null does not learn from it (BANKING77 says nothing of upset). */
export interface Example {
  text: string;
  script: 'zh' | 'en';
  upset: 0 | 1 | null;
  angry: 0 | 1 | null;
}

export interface Corpora {
  train: Example[];
  /** Where the thresholds are chosen. */
  calibrate: Record<string, Example[]>;
  /** Held back: figures only. */
  report: Record<string, Example[]>;
  sources: string[];
}

/** RFC 4180: quoted fields may hold commas, quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) field += c;
    else {
      row.push(field);
      field = '';
      if (c === ',') continue;
      if (c === '\r' && text[i + 1] === '\n') i++;
      rows.push(row);
      row = [];
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Records of a CSV file keyed by its header. */
function csvRecords(path: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  return rows.filter((r) => r.length === header!.length).map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

/** The row keys of a corpus that match held-out text ("line N" counts physical lines from 1). */
function heldOut(dir: string): Set<string> {
  const lines = readFileSync(join(dir, 'heldout_overlap.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  return new Set(lines.map((l) => l.split('\t').slice(0, 2).join('\t')));
}

const tsvLines = (path: string) => readFileSync(path, 'utf8').split(/\r?\n/);
const flag = (value: boolean): 0 | 1 => (value ? 1 : 0);

/** GoEmotions ids: 2 anger, 3 annoyance (angry, as guidance-dev counts them); 9 disappointment, 10 disapproval, 11 disgust, 25 sadness (upset). */
function goEmotion(text: string, labels: string): Example {
  const ids = labels.split(',').map(Number);
  const angry = ids.includes(2) || ids.includes(3);
  return { text, script: 'en', angry: flag(angry), upset: flag(angry || [9, 10, 11, 25].some((id) => ids.includes(id))) };
}

/** Every corpus, mapped to upset-or-worse and angry-or-worse as each corpus's README suggests; `limit` rows of each for a quick slice. */
export function readCorpora(limit = Infinity): Corpora {
  const train: Example[] = [];
  const calibrate: Record<string, Example[]> = {};
  const report: Record<string, Example[]> = {};
  const take = (into: Example[], examples: Example[]) => into.push(...examples.slice(0, limit));

  // BRIGHTER (Weibo, English): anger intensity 0–3.
  const brighterDir = join(TRAIN_DIR, 'zh-en-brighter-semeval2025-task11');
  const brighterDrop = heldOut(brighterDir);
  const brighter = (file: string, script: 'zh' | 'en') =>
    csvRecords(join(brighterDir, file))
      .filter((r) => !brighterDrop.has(`${file}\t${r.id}`))
      .map((r): Example => {
        const [anger, disgust, sadness] = [Number(r.anger), Number(r.disgust ?? 0), Number(r.sadness)];
        return { text: r.text!, script, angry: flag(anger >= 2), upset: flag(anger >= 1 || disgust >= 1 || sadness >= 2) };
      });
  take(train, brighter('chn_train.csv', 'zh'));
  take(train, brighter('eng_train.csv', 'en'));
  calibrate['BRIGHTER zh dev'] = brighter('chn_dev.csv', 'zh');
  calibrate['BRIGHTER en dev'] = brighter('eng_dev.csv', 'en');
  report['BRIGHTER zh test'] = brighter('chn_test.csv', 'zh');
  report['BRIGHTER en test'] = brighter('eng_test.csv', 'en');

  // CPED (TV-drama dialogue): anger is angry; the unhappy emotions are upset.
  const cpedDir = join(TRAIN_DIR, 'zh-cped');
  const cpedDrop = heldOut(cpedDir);
  const UNHAPPY = new Set(['anger', 'disgust', 'negative-other', 'worried', 'depress', 'sadness', 'fear']);
  for (const file of ['valid_split.csv', 'test_split.csv']) {
    take(
      train,
      csvRecords(join(cpedDir, file))
        .filter((r) => !cpedDrop.has(`${file}\t${r.Utterance_ID}`) && r.Utterance)
        .map((r) => ({ text: r.Utterance!, script: 'zh', angry: flag(r.Emotion === 'anger'), upset: flag(UNHAPPY.has(r.Emotion!)) })),
    );
  }

  // XED (subtitles): 1 anger, 3 disgust, 6 sadness; a tenth of the English held back for figures.
  const xedDir = join(TRAIN_DIR, 'en-zh-xed');
  const xedDrop = heldOut(xedDir);
  const xedHeldBack: Example[] = [];
  const xed = (file: string, script: 'zh' | 'en', into: (lineNo: number, e: Example) => void) =>
    tsvLines(join(xedDir, file)).forEach((line, i) => {
      const [text, labels] = line.split('\t');
      if (!text || !labels || !/^[\d, ]+$/.test(labels) || xedDrop.has(`${file}\tline ${i + 1}`)) return;
      const ids = labels.split(',').map((s) => Number(s.trim()));
      into(i + 1, { text, script, angry: flag(ids.includes(1)), upset: flag(ids.some((id) => id === 1 || id === 3 || id === 6)) });
    });
  const xedTrain: Example[] = [];
  xed('en-annotated.tsv', 'en', (lineNo, e) => (lineNo % 10 === 0 ? xedHeldBack : xedTrain).push(e));
  for (const file of ['zh-projections.tsv', 'tw-projections.tsv', 'cn-projections.tsv']) xed(file, 'zh', (_, e) => xedTrain.push(e));
  take(train, xedTrain);
  report['XED en (every tenth line, held back)'] = xedHeldBack;
  const neutral: Example[] = [];
  tsvLines(join(xedDir, 'neu_en.txt')).forEach((line, i) => {
    const [label, text] = line.split('\t');
    if (label === '9' && text && !xedDrop.has(`neu_en.txt\tline ${i + 1}`)) neutral.push({ text, script: 'en', angry: 0, upset: 0 });
  });
  take(train, neutral);

  // GoEmotions (Reddit) train: anger or annoyance is angry, as the dev set counts it.
  const goDir = join(TRAIN_DIR, 'en-goemotions-train');
  const goDrop = heldOut(goDir);
  take(
    train,
    tsvLines(join(goDir, 'train.tsv')).flatMap((line): Example[] => {
      const [text, labels, key] = line.split('\t');
      return !text || !labels || goDrop.has(`train.tsv\t${key}`) ? [] : [goEmotion(text, labels)];
    }),
  );

  // COLD (Weibo and Zhihu comments): offensive wording is the hot end; it says nothing of upset. As a
  // second Weibo-like source it lifted the angry head's ranking of guidance-dev's Weibo anger (AUC 0.59 → 0.65).
  const coldDir = join(TRAIN_DIR, 'zh-cold');
  const coldDrop = heldOut(coldDir);
  take(
    train,
    csvRecords(join(coldDir, 'train.csv'))
      .filter((r) => r.TEXT && !coldDrop.has(`train.csv\t${r['']}/train`))
      .map((r) => ({ text: r.TEXT!, script: 'zh', angry: flag(r.label === '1'), upset: null })),
  );

  // BANKING77: factual questions and complaints about money — never angry, upset unknown.
  const bankDir = join(TRAIN_DIR, 'en-banking77');
  const bankDrop = heldOut(bankDir);
  take(
    train,
    parseCsv(readFileSync(join(bankDir, 'train.csv'), 'utf8'))
      .slice(1)
      .flatMap((r, i): Example[] => (r[0] && !bankDrop.has(`train.csv\tline ${i + 2}`) ? [{ text: r[0], script: 'en', angry: 0, upset: null }] : [])),
  );

  // The development sets: thresholds only.
  Object.assign(calibrate, devSets());
  const sliced = (sets: Record<string, Example[]>) => Object.fromEntries(Object.entries(sets).map(([name, rows]) => [name, rows.slice(0, limit)]));
  return { train, calibrate: sliced(calibrate), report: sliced(report), sources: ['BRIGHTER (CC BY 4.0)', 'CPED (Apache-2.0)', 'XED (CC BY 4.0)', 'GoEmotions (CC BY 4.0)', 'BANKING77 (CC BY 4.0)', 'COLD (Apache-2.0)'] };
}

/** ../shared/data/guidance-dev (none when it is absent): never trained on; thresholds and `guidance -- dev` only. */
export function devSets(): Record<string, Example[]> {
  if (!existsSync(DEV_DIR)) return {};
  return {
    'CLUE emotion2020 valid (zh Weibo)': tsvLines(join(DEV_DIR, 'clue_emotion2020_valid.jsonl'))
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { content: string; label: string })
      .map((r) => ({ text: r.content, script: 'zh', angry: flag(r.label === 'anger'), upset: flag(['anger', 'disgust', 'sadness'].includes(r.label)) })),
    'GoEmotions dev (en Reddit, anger or annoyance)': tsvLines(join(DEV_DIR, 'goemotions_dev.tsv'))
      .filter(Boolean)
      .map((line) => {
        const [text, labels] = line.split('\t');
        return goEmotion(text ?? '', labels ?? '');
      }),
  };
}

/** mulberry32: a small seeded generator, so the order of examples is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface TrainOptions {
  seed?: number;
  epochs?: number;
  /** L2 pull towards zero per update, on the features the example has. */
  l2?: number;
}

/** Logistic regression by AdaGrad over each example's distinct buckets (each weighing 1/√n). */
function trainHead(rows: Array<{ buckets: Int32Array; label: 0 | 1 }>, options: Required<TrainOptions>): { bias: number; weights: Float64Array } {
  const size = 1 << MODEL_BITS;
  const weights = new Float64Array(size);
  const squares = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let biasSquares = 1e-8;
  const random = seeded(options.seed);
  const order = rows.map((_, i) => i);
  const rate = 0.1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { buckets, label } = rows[index]!;
      const x = buckets.length ? 1 / Math.sqrt(buckets.length) : 0;
      let z = bias;
      for (const b of buckets) z += weights[b]! * x;
      const gradient = 1 / (1 + Math.exp(-z)) - label;
      biasSquares += gradient * gradient;
      bias -= (rate * gradient) / Math.sqrt(biasSquares);
      for (const b of buckets) {
        const g = gradient * x + options.l2 * weights[b]!;
        squares[b]! += g * g;
        weights[b]! -= (rate * g) / Math.sqrt(squares[b]!);
      }
    }
  }
  return { bias, weights };
}

/** int8 weights with one scale per head: a quarter of the bytes of float32, readings within 1 %. */
function quantized(head: { bias: number; weights: Float64Array }): ModelFile['heads']['upset'] {
  let largest = 0;
  for (const w of head.weights) largest = Math.max(largest, Math.abs(w));
  const scale = largest / 127 || 1;
  const bytes = Buffer.alloc(head.weights.length);
  head.weights.forEach((w, i) => bytes.writeInt8(Math.round(w / scale), i));
  return { bias: Number(head.bias.toFixed(6)), scale: Number(scale.toPrecision(8)), weights: bytes.toString('base64') };
}

const f1 = (tp: number, fp: number, fn: number) => (tp ? (2 * tp) / (2 * tp + fp + fn) : 0);

/**
 * Where the model changes a reading (shared/guidance/model.ts `combine`): the thresholds with the best
 * F1 on the calibration sets of that script that are no less precise than the rules alone — false
 * alarms cost the clerk most (an outburst that never happened). Anger first, both of its thresholds
 * together (raising, and tempering a longer text); then upset, given anger.
 */
function calibrated(model: Model, sets: Record<string, Example[]>, script: 'zh' | 'en'): Thresholds {
  const rows = Object.entries(sets).flatMap(([set, examples]) =>
    examples
      .filter((e) => e.script === script)
      .map((e) => {
        const rules = analyze(e.text, script === 'en' ? 'en' : undefined, undefined, null);
        return { e, set, rules: rules.temperature, pleased: rules.pleased, playful: playful(e.text), reading: readWithModel(model, e.text), mayTemper: e.text.length > MODEL_TEMPERS_BEYOND[script] };
      }),
  );
  const grid = Array.from({ length: 19 }, (_, i) => Number((0.05 * (i + 1)).toFixed(2)));
  const search = (level: 1 | 2, label: (e: Example) => 0 | 1 | null, candidates: Thresholds[]) => {
    const labelled = rows.filter((r) => label(r.e) !== null && r.rules >= level);
    const rulesPrecision = labelled.filter((r) => label(r.e) === 1).length / (labelled.length || 1);
    let top = { thresholds: candidates[0]!, score: -1 };
    for (const thresholds of candidates) {
      // Per set: true positives, false positives, false negatives, labelled rows.
      const cells = new Map<string, [number, number, number, number]>();
      for (const r of rows) {
        const actual = label(r.e);
        if (actual === null) continue;
        const cell = cells.get(r.set) ?? cells.set(r.set, [0, 0, 0, 0]).get(r.set)!;
        const predicted = combine(r.rules, r.reading, thresholds, r.mayTemper, r.pleased, r.playful) >= level;
        if (predicted && actual) cell[0]++;
        else if (predicted) cell[1]++;
        else if (actual) cell[2]++;
        cell[3]++;
      }
      // Each set counts by the square root of its size, as sure as its F1 is: the largest (one Weibo
      // sample) must not choose for every source alone, nor a set of 200 rows sway it as much.
      const sets = [...cells.values()];
      const weight = sets.reduce((sum, c) => sum + Math.sqrt(c[3]), 0);
      const score = sets.reduce((sum, [tp, fp, fn, n]) => sum + Math.sqrt(n) * f1(tp, fp, fn), 0) / (weight || 1);
      const [tp, fp] = sets.reduce(([a, b], c) => [a + c[0], b + c[1]], [0, 0]);
      if (tp / (tp + fp || 1) >= rulesPrecision && score > top.score) top = { thresholds, score };
    }
    return top.thresholds;
  };
  const tempering = [0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2];
  const anger = search(2, (e) => e.angry, [NEUTRAL, ...grid.flatMap((angry) => tempering.map((tempers) => ({ ...NEUTRAL, angry, tempers })))]);
  return search(1, (e) => e.upset, [anger, ...grid.map((upset) => ({ ...anger, upset }))]);
}

/** Before calibration: the rules' reading, untouched. */
const NEUTRAL: Thresholds = { upset: 1, angry: 1, tempers: 0 };

/** Trains, calibrates and returns the model file's text (stable key order, so the bytes repeat). */
export function trainModel(corpora: Corpora, options: TrainOptions = {}): string {
  const settings = { seed: options.seed ?? 20261202, epochs: options.epochs ?? 8, l2: options.l2 ?? 1e-4 };
  const featured = corpora.train.map((e) => ({ e, buckets: Int32Array.from(featuresOf(e.text).keys()).sort() }));
  const head = (pick: (e: Example) => 0 | 1 | null) =>
    quantized(trainHead(featured.flatMap(({ e, buckets }) => (pick(e) === null ? [] : [{ buckets, label: pick(e)! }])), settings));
  const heads = { upset: head((e) => e.upset), angry: head((e) => e.angry) };
  const draft: ModelFile = { format: 3, bits: MODEL_BITS, heads, thresholds: { zh: NEUTRAL, en: NEUTRAL }, trainedOn: corpora.sources };
  const model = loadModel(draft)!;
  const file: ModelFile = { ...draft, thresholds: { zh: calibrated(model, corpora.calibrate, 'zh'), en: calibrated(model, corpora.calibrate, 'en') } };
  return `${JSON.stringify(file)}\n`;
}

/** Angry F1 and upset F1 of a reading on labelled sets: the figures `train` and `dev` print. */
export function figures(sets: Record<string, Example[]>, read: (text: string, locale: GuidanceLocale | undefined) => number): string[] {
  return Object.entries(sets).map(([name, rows]) => {
    const cells = { angry: [0, 0, 0], upset: [0, 0, 0] };
    for (const row of rows) {
      const t = read(row.text, row.script === 'en' ? 'en' : undefined);
      for (const [key, predicted, actual] of [['angry', t >= 2, row.angry], ['upset', t >= 1, row.upset]] as const) {
        if (actual === null) continue;
        const cell = cells[key];
        if (predicted && actual) cell[0]!++;
        else if (predicted) cell[1]!++;
        else if (actual) cell[2]!++;
      }
    }
    const [a, u] = [cells.angry, cells.upset].map((c) => f1(c[0]!, c[1]!, c[2]!).toFixed(3));
    return `${name}: ${rows.length} texts — angry F1 ${a}, upset F1 ${u}`;
  });
}
