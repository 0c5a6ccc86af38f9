import { z } from 'zod';
import { toSimplified } from './lexicons.js';

/**
 * The statistical half of the temperature: two logistic heads (upset or worse, angry or worse) over
 * hashed n-grams — Chinese characters 1–3 at a time, English words and word pairs, runs of ! and ?.
 * Trained by `npm run guidance -- train` (scripts/guidanceTrain.ts) on openly licensed corpora; the
 * weights ship as int8 in data/model.json. The same `grams` feed training and reading, so the two
 * can never disagree about what a text is made of.
 */
export const MODEL_BITS = 19;
const MASK = (1 << MODEL_BITS) - 1;

/** Text as the model reads it: one width, lower case, simplified characters. */
export function normalizeForModel(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase());
}

/** Every n-gram of the text, in reading order (a gram may repeat). */
export function grams(normalized: string): string[] {
  const out: string[] = [];
  let previousWord = '';
  for (const [token] of normalized.matchAll(/[\u3400-\u9fff]+|[a-z][a-z']*|[!?]+/g)) {
    const first = token.charCodeAt(0);
    if (first >= 0x3400) {
      previousWord = '';
      for (let i = 0; i < token.length; i++) {
        out.push(token[i]!);
        if (i + 1 < token.length) out.push(token.slice(i, i + 2));
        if (i + 2 < token.length) out.push(token.slice(i, i + 3));
      }
    } else if (first === 0x21 || first === 0x3f) {
      // "!!!" and "?!" say more than their characters; longer runs say no more than three.
      out.push(token.slice(0, 3));
    } else {
      out.push(token);
      if (previousWord) out.push(`${previousWord} ${token}`);
      previousWord = token;
    }
  }
  return out;
}

/** FNV-1a over UTF-16 units, folded into the model's buckets. */
export function bucketOf(gram: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) h = Math.imul(h ^ gram.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) & MASK;
}

const SCRIPT_ZH = '\u0000zh';
const SCRIPT_EN = '\u0000en';

/** The distinct buckets of a text with the gram that first filled each, for explaining a reading. */
export function featuresOf(text: string): Map<number, string> {
  const normalized = normalizeForModel(text);
  // Which script the text is in, as a feature of its own: Chinese and English anger have their own base rates.
  const features = new Map<number, string>();
  const script = /[\u3400-\u9fff]/.test(normalized) ? SCRIPT_ZH : SCRIPT_EN;
  features.set(bucketOf(script), script);
  for (const gram of grams(normalized)) {
    const bucket = bucketOf(gram);
    if (!features.has(bucket)) features.set(bucket, gram);
  }
  return features;
}

const Head = z.object({ bias: z.number(), scale: z.number().positive(), weights: z.string() });
/**
 * Per script: the probability at which the model alone makes a reading upset / angry, and the
 * probability of anger below which it tempers the rules' "angry" to "upset".
 */
const Thresholds = z.object({ upset: z.number(), angry: z.number(), tempers: z.number() });
export type Thresholds = z.infer<typeof Thresholds>;
export const ModelFile = z.object({
  format: z.literal(2),
  bits: z.literal(MODEL_BITS),
  heads: z.object({ upset: Head, angry: Head }),
  thresholds: z.object({ zh: Thresholds, en: Thresholds }),
  trainedOn: z.array(z.string()),
});
export type ModelFile = z.infer<typeof ModelFile>;

interface LoadedHead {
  bias: number;
  scale: number;
  weights: Int8Array;
}
export interface Model {
  upset: LoadedHead;
  angry: LoadedHead;
  thresholds: ModelFile['thresholds'];
}

const fromBase64 = (text: string) => Int8Array.from(atob(text), (c) => (c.charCodeAt(0) << 24) >> 24);

/** The shipped model, or null (the rules read alone) when the file is missing or not a model. */
export function loadModel(file: unknown, warn: (message: string) => void = console.warn): Model | null {
  const parsed = ModelFile.safeParse(file);
  const head = (h: ModelFile['heads']['upset']): LoadedHead | null => {
    try {
      const weights = fromBase64(h.weights);
      return weights.length === 1 << MODEL_BITS ? { bias: h.bias, scale: h.scale, weights } : null;
    } catch {
      return null;
    }
  };
  const upset = parsed.success ? head(parsed.data.heads.upset) : null;
  const angry = parsed.success ? head(parsed.data.heads.angry) : null;
  if (!parsed.success || !upset || !angry) {
    warn('guidance model missing or damaged: temperature is read by the rules alone');
    return null;
  }
  return { upset, angry, thresholds: parsed.data.thresholds };
}

export interface ModelReading {
  upset: number;
  angry: number;
  /** The grams that pushed each head up most, strongest first, as the model read them. */
  strongest: { upset: string[]; angry: string[] };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Probabilities from the features; each text's features weigh 1/√n, as in training. */
export function readWithModel(model: Model, text: string): ModelReading {
  const features = featuresOf(text);
  const norm = features.size ? 1 / Math.sqrt(features.size) : 0;
  let upset = 0;
  let angry = 0;
  const pushes = { upset: [] as Array<[string, number]>, angry: [] as Array<[string, number]> };
  for (const [bucket, gram] of features) {
    const toUpset = model.upset.weights[bucket]!;
    const toAngry = model.angry.weights[bucket]!;
    upset += toUpset;
    angry += toAngry;
    if (gram === SCRIPT_ZH || gram === SCRIPT_EN) continue;
    if (toUpset > 0) pushes.upset.push([gram, toUpset]);
    if (toAngry > 0) pushes.angry.push([gram, toAngry]);
  }
  const strongest = (grams: Array<[string, number]>) => grams.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([gram]) => gram);
  return {
    upset: sigmoid(model.upset.bias + upset * model.upset.scale * norm),
    angry: sigmoid(model.angry.bias + angry * model.angry.scale * norm),
    strongest: { upset: strongest(pushes.upset), angry: strongest(pushes.angry) },
  };
}

/**
 * Texts longer than a sentence or two said at the counter: a letter, a post, a review, where the model
 * may temper. The model learned from written posts; anger words said at the counter the clerk also
 * hears in the customer's voice, so the model leaves them alone. Measured with the tempering
 * threshold calibrated each time: tempering any text cost the fixtures (counter speech, nearly all
 * shorter) angry F1 0.877 → 0.846; tempering beyond 40 / 120 characters gave them 0.901, and the
 * development sets stayed within 0.03 of tempering any text (CLUE 0.359 → 0.371, GoEmotions 0.494 → 0.468).
 */
export const MODEL_TEMPERS_BEYOND = { zh: 40, en: 120 } as const;

/**
 * The temperature from the rules' reading and the model's. The model raises what it is sure of, and
 * tempers the rules' "angry" of a longer text (`mayTemper`) to "upset" when it is sure there is no anger: together
 * they rank anger better than either alone on every development and held-back set, and a formal
 * letter's grievance words stop reading as an outburst. Threats (3) are the rules' alone; the model
 * never makes a complaint calm (measured: its upset head hears a polite complaint about a product as
 * calm, which the clerk must not). Nor does it make praise upset (`pleased`: the rules heard calming
 * words and nothing wrong): the words of a happy review are the model's likeliest false alarm.
 */
export function combine(rules: 0 | 1 | 2 | 3, reading: ModelReading, t: Thresholds, mayTemper: boolean, pleased = false): 0 | 1 | 2 | 3 {
  if (rules === 2 && mayTemper && reading.angry < t.tempers) return 1;
  if (rules < 2 && reading.angry >= t.angry) return 2;
  if (rules < 1 && !pleased && reading.upset >= t.upset) return 1;
  return rules;
}
