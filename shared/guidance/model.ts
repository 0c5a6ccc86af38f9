import { z } from 'zod';
import { lexiconsWith, toSimplified } from './lexicons.js';
import { withoutSetPhrases } from './setPhrases.js';

/**
 * The statistical half of the temperature: two logistic heads (upset or worse, angry or worse) over
 * hashed n-grams (`featuresOf`). Trained by `npm run guidance -- train` (scripts/guidanceTrain.ts) on
 * openly licensed corpora; the weights ship as int8 in data/model.json. The same `featuresOf` feeds
 * training and reading, so the two can never disagree about what a text is made of.
 */
export const MODEL_BITS = 20;
const MASK = (1 << MODEL_BITS) - 1;

/** Text as the model reads it: one width, lower case, simplified characters, set phrases blanked as the rules blank them. */
export function normalizeForModel(text: string): string {
  return withoutSetPhrases(toSimplified(text.normalize('NFKC').toLowerCase()));
}

const FNV_BASIS = 0x811c9dc5;
const step = (hash: number, unit: number) => Math.imul(hash ^ unit, 0x01000193);
const fold = (hash: number) => (hash ^ (hash >>> 15)) & MASK;

/** FNV-1a over UTF-16 units, folded into the model's buckets. */
export function bucketOf(gram: string): number {
  let h = FNV_BASIS;
  for (let i = 0; i < gram.length; i++) h = step(h, gram.charCodeAt(i));
  return fold(h);
}

const SCRIPT_ZH = '\u0000zh';
const SCRIPT_EN = '\u0000en';

/**
 * Pieces of an English word four letters at a time, its edges marked (" furi", "ious "): "furious",
 * "infuriating" and "fuming" share what they share, and a misspelt or rare word is not unknown.
 * Measured on GoEmotions dev: the angry head's AUC 0.809 → 0.843.
 */
const WORD_PIECE = 4;
const PIECE_MARK = 1;

const isHan = (unit: number) => unit >= 0x3400 && unit <= 0x9fff;
const isLetter = (unit: number) => unit >= 0x61 && unit <= 0x7a;
const isMark = (unit: number) => unit === 0x21 || unit === 0x3f;

/**
 * Every gram of a normalized text, in reading order (a gram may repeat), as its bucket and the span of
 * the text the clerk is shown for it: Chinese characters 1–3 at a time; English words, word pairs
 * (the span from the first word to the second) and word pieces (shown as their word, and read right
 * after it); runs of ! and ?.
 * Hashed as they are read, without a string per gram: the model runs on every keystroke.
 */
function scanGrams(text: string, visit: (bucket: number, start: number, length: number) => void): void {
  let previousStart = -1;
  let previousHash = 0;
  for (let i = 0; i < text.length; ) {
    const unit = text.charCodeAt(i);
    let end = i + 1;
    if (isHan(unit)) {
      while (end < text.length && isHan(text.charCodeAt(end))) end++;
      for (let k = i; k < end; k++) {
        let h = step(FNV_BASIS, text.charCodeAt(k));
        visit(fold(h), k, 1);
        for (let n = 2; n <= 3 && k + n <= end; n++) {
          h = step(h, text.charCodeAt(k + n - 1));
          visit(fold(h), k, n);
        }
      }
      previousStart = -1;
    } else if (isMark(unit)) {
      // "!!!" and "?!" say more than their characters; longer runs say no more than three.
      while (end < text.length && isMark(text.charCodeAt(end))) end++;
      let h = FNV_BASIS;
      for (let k = i; k < Math.min(end, i + 3); k++) h = step(h, text.charCodeAt(k));
      visit(fold(h), i, Math.min(end, i + 3) - i);
    } else if (isLetter(unit)) {
      while (end < text.length && (isLetter(text.charCodeAt(end)) || text.charCodeAt(end) === 0x27)) end++;
      let h = FNV_BASIS;
      for (let k = i; k < end; k++) h = step(h, text.charCodeAt(k));
      visit(fold(h), i, end - i);
      // The word with a space either side, WORD_PIECE units at a time.
      const edged = (q: number) => (q === 0 || q === end - i + 1 ? 0x20 : text.charCodeAt(i + q - 1));
      for (let q = 0; q + WORD_PIECE <= end - i + 2; q++) {
        let piece = step(FNV_BASIS, PIECE_MARK);
        for (let r = q; r < q + WORD_PIECE; r++) piece = step(piece, edged(r));
        visit(fold(piece), i, end - i);
      }
      if (previousStart >= 0) {
        let pair = step(previousHash, 0x20);
        for (let k = i; k < end; k++) pair = step(pair, text.charCodeAt(k));
        visit(fold(pair), previousStart, end - previousStart);
      }
      previousStart = i;
      previousHash = h;
    }
    i = end;
  }
}

/** Which script the text is in, as a feature of its own: Chinese and English anger have their own base rates. */
const scriptFeature = (normalized: string) => (/[\u3400-\u9fff]/.test(normalized) ? SCRIPT_ZH : SCRIPT_EN);

/** The distinct buckets of a text with what the clerk is shown for the first gram that filled each. */
export function featuresOf(text: string): Map<number, string> {
  const normalized = normalizeForModel(text);
  const script = scriptFeature(normalized);
  const features = new Map<number, string>([[bucketOf(script), script]]);
  scanGrams(normalized, (bucket, start, length) => {
    if (!features.has(bucket)) features.set(bucket, normalized.slice(start, start + length));
  });
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
  format: z.literal(3),
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

/** The weights as stored: base64 of signed bytes. A plain loop (an Int8Array takes a byte's value as signed); Int8Array.from with a mapping took 0.45 s of a start. */
function fromBase64(text: string): Int8Array {
  const bytes = atob(text);
  const weights = new Int8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) weights[i] = bytes.charCodeAt(i);
  return weights;
}

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
  /**
   * The grams that pushed the head up most, strongest first, as the model read them. Worked out when
   * asked: the clerk is shown them only when the model raised the temperature.
   */
  strongest(head: 'upset' | 'angry'): string[];
}

/** Pronouns, particles and articles: they weigh in the reading, but a gram made of nothing else explains nothing to the clerk. */
const FUNCTION_WORDS = new Set([
  ...'我你您他她它们的了是在有就都也还和与吗呢吧啊呀这那个',
  ..."i me my i'm you your it it's the a an to and of is was in on that this".split(' '),
]);
/**
 * Chinese characters that are a word of judgement on their own (烦, 坑, 凶): any other single character
 * the model heard (the 警 of a denied 报警, the 地 of 地板) explains nothing to the clerk.
 */
const WORDS_ALONE: ReadonlySet<string> = new Set([
  ...(['anger', 'complaint'] as const).flatMap((list) => [...lexiconsWith().byScript.zh[list].keys()].filter((term) => [...term].length === 1)),
  ...'凶骗坏假贵脏臭错吓',
]);
function explains(gram: string): boolean {
  if (/^[a-z' ]+$/.test(gram)) return !gram.split(' ').every((word) => FUNCTION_WORDS.has(word));
  const units = [...gram];
  return units.length === 1 ? WORDS_ALONE.has(gram) : !units.every((unit) => FUNCTION_WORDS.has(unit));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Which buckets this reading has seen, stamped with the reading's number (1–255, one byte a bucket, so
 * the table stays in the processor's cache): nothing is cleared between readings but every 255th.
 */
let seen: Uint8Array | null = null;
let reading = 0;

/** A span of the text as one number: where it starts, times this, plus its length. */
const SPAN = 4096;

/** Probabilities from the features (`featuresOf`, each bucket once); each text's features weigh 1/√n, as in training. */
export function readWithModel(model: Model, text: string): ModelReading {
  const normalized = normalizeForModel(text);
  seen ??= new Uint8Array(1 << MODEL_BITS);
  reading = reading === 255 ? 1 : reading + 1;
  if (reading === 1) seen.fill(0);
  const stamp = seen;
  const now = reading;
  const upsetWeights = model.upset.weights;
  const angryWeights = model.angry.weights;
  const scriptBucket = bucketOf(scriptFeature(normalized));
  stamp[scriptBucket] = now;
  let size = 1;
  let upset = upsetWeights[scriptBucket]!;
  let angry = angryWeights[scriptBucket]!;
  // What each span of the text pushed: a word's pieces, read right after it, push as the word.
  const spans: number[] = [];
  const toUpset: number[] = [];
  const toAngry: number[] = [];
  scanGrams(normalized, (bucket, start, length) => {
    if (stamp[bucket] === now) return;
    stamp[bucket] = now;
    size += 1;
    const [u, a] = [upsetWeights[bucket]!, angryWeights[bucket]!];
    upset += u;
    angry += a;
    const span = start * SPAN + Math.min(length, SPAN - 1);
    const last = spans.length - 1;
    if (spans[last] === span) {
      toUpset[last]! += u;
      toAngry[last]! += a;
    } else {
      spans.push(span);
      toUpset.push(u);
      toAngry.push(a);
    }
  });
  const strongest = (pushes: number[]) => {
    const named: string[] = [];
    const order = pushes.map((_, i) => i).filter((i) => pushes[i]! > 0);
    for (const i of order.sort((a, b) => pushes[b]! - pushes[a]!)) {
      const start = Math.floor(spans[i]! / SPAN);
      const gram = normalized.slice(start, start + (spans[i]! % SPAN));
      if (explains(gram) && !named.includes(gram)) named.push(gram);
      if (named.length === 3) break;
    }
    return named;
  };
  const norm = 1 / Math.sqrt(size);
  return {
    upset: sigmoid(model.upset.bias + upset * model.upset.scale * norm),
    angry: sigmoid(model.angry.bias + angry * model.angry.scale * norm),
    strongest: (head) => strongest(head === 'upset' ? toUpset : toAngry),
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
 * calm, which the clerk must not). Nor does it make praise or a plain question upset (`pleased`: the rules heard calming
 * words and nothing wrong, or praise with a slight remark): the words of a happy review are the model's
 * likeliest false alarm. A post the rules heard no anger in that laughs, jokes or consoles (`playful`:
 * 气死我了哈哈哈, "damn you OP, now I have to buy this") it makes upset at most.
 */
export function combine(rules: 0 | 1 | 2 | 3, reading: ModelReading, t: Thresholds, mayTemper: boolean, pleased = false, playful = false): 0 | 1 | 2 | 3 {
  if (rules === 2 && mayTemper && reading.angry < t.tempers) return 1;
  if (rules < 2 && reading.angry >= t.angry) return playful ? (Math.max(1, rules) as 1) : 2;
  if (rules < 1 && !pleased && reading.upset >= t.upset) return 1;
  return rules;
}
