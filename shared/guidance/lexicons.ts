import zhLexicon from './data/lexicon.zh.json' with { type: 'json' };
import enLexicon from './data/lexicon.en.json' with { type: 'json' };
import signalData from './data/signals.json' with { type: 'json' };
import categoryData from './data/categories.json' with { type: 'json' };
import { z } from 'zod';
import { Converter } from 'opencc-js/t2cn';

/**
 * The guidance engine's word lists are data (shared/guidance/data/*.json), each with its own
 * version and source note. This module only gives them types and prepares them for matching.
 */
export type Script = 'zh' | 'en';
export const SIGNAL_KINDS = ['media', 'legal', 'regulator', 'social', 'safety', 'repeat', 'compensation', 'threat', 'escalation'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];
export const GUIDANCE_CONTENTS = ['product_quality', 'attitude', 'service_quality', 'timeliness', 'billing', 'incident', 'other'] as const;
export type GuidanceContent = (typeof GUIDANCE_CONTENTS)[number];
export const GUIDANCE_MOTIVES = ['profit', 'publicity', 'emotional', 'unknown'] as const;
export type GuidanceMotive = (typeof GUIDANCE_MOTIVES)[number];
export const NEEDS = ['cared', 'heard', 'professional', 'fast'] as const;
export type Need = (typeof NEEDS)[number];

export interface Lexicon {
  anger: Map<string, number>;
  /** Complaint-style anger that no single word carries (rhetorical challenges, demands). */
  patterns: Pattern[];
  /** Judgements of a product or a service: an unhappy customer, never anger on their own. */
  complaint: Map<string, number>;
  complaintPatterns: Pattern[];
  positive: Map<string, number>;
  degree: Map<string, number>;
  negators: string[];
}

interface Pattern {
  re: RegExp;
  weight: number;
}

const toMap = (...records: Array<Record<string, number>>) => new Map(records.flatMap((r) => Object.entries(r)));

/**
 * What HQ adds to the shipped word lists without a release: more anger and complaint words with
 * a weight, and more words for each signal. Published as a library version; every desk reads with it.
 */
const WeightedTerms = z.object({ zh: z.record(z.string().min(1).max(20), z.number().min(0).max(3)), en: z.record(z.string().min(1).max(40), z.number().min(0).max(3)) });
export const LexiconExtension = z.object({
  version: z.number().int().positive(),
  anger: WeightedTerms,
  /** Judgements of a product or a service; versions published before there were any have none. */
  complaint: WeightedTerms.default({ zh: {}, en: {} }),
  signals: z.partialRecord(z.enum(SIGNAL_KINDS), z.object({ zh: z.array(z.string().min(1).max(20)), en: z.array(z.string().min(1).max(40)) })),
});
export type LexiconExtension = z.infer<typeof LexiconExtension>;
export const EMPTY_EXTENSION: LexiconExtension = { version: 1, anger: { zh: {}, en: {} }, complaint: { zh: {}, en: {} }, signals: {} };

const patterns = (rules: Array<{ re: string; weight: number }>): Pattern[] => rules.map((r) => ({ re: new RegExp(r.re, 'gu'), weight: r.weight }));

function lexicon(data: typeof zhLexicon | typeof enLexicon): Lexicon {
  return {
    anger: toMap(data.anger.terms, data.emoticons.terms),
    patterns: patterns(data.patterns.rules),
    complaint: toMap(data.complaint.terms),
    complaintPatterns: patterns(data.complaintPatterns.rules),
    positive: toMap(data.positive.terms),
    degree: toMap(data.degree.terms),
    negators: [...data.negators.terms].sort((a, b) => b.length - a.length),
  };
}

const SHIPPED: Record<Script, Lexicon> = { zh: lexicon(zhLexicon), en: lexicon(enLexicon) };

/** Everything the engine reads words with: the lexicons per script and the signal index. */
export interface Lexicons {
  byScript: Record<Script, Lexicon>;
  /** Every signal term of one script, mapped to the kinds it raises. */
  signals: Record<Script, Map<string, SignalKind[]>>;
}

function signalIndex(script: Script, extension: LexiconExtension): Map<string, SignalKind[]> {
  const kindsOf = new Map<string, SignalKind[]>();
  for (const kind of SIGNAL_KINDS) {
    for (const term of [...SIGNAL_TERMS[kind][script], ...(extension.signals[kind]?.[script] ?? [])]) {
      const kinds = kindsOf.get(term) ?? [];
      if (!kinds.includes(kind)) kindsOf.set(term, [...kinds, kind]);
    }
  }
  return kindsOf;
}

const built = new WeakMap<LexiconExtension, Lexicons>();

/** The shipped lexicons with HQ's published additions (zh additions are matched as simplified). */
export function lexiconsWith(extension: LexiconExtension = EMPTY_EXTENSION): Lexicons {
  const cached = built.get(extension);
  if (cached) return cached;
  const withAdditions = (script: Script, normalise: (s: string) => string): Lexicon => {
    const merged = (base: Map<string, number>, extra: Record<string, number>) => new Map([...base, ...Object.entries(extra).map(([k, v]) => [normalise(k), v] as const)]);
    const base = SHIPPED[script];
    return { ...base, anger: merged(base.anger, extension.anger[script]), complaint: merged(base.complaint, extension.complaint[script]) };
  };
  const lexicons: Lexicons = {
    byScript: { zh: withAdditions('zh', (s) => toSimplified(s).toLowerCase()), en: withAdditions('en', (s) => s.toLowerCase()) },
    signals: { zh: signalIndex('zh', extension), en: signalIndex('en', extension) },
  };
  built.set(extension, lexicons);
  return lexicons;
}

type PerScript = { zh: string[]; en: string[] };
export const SIGNAL_TERMS = signalData.signals as Record<SignalKind, PerScript>;
export const ESCALATING_SIGNALS = signalData.escalating as SignalKind[];
/** Names of a body or a platform (记者, 12315, 微博, police, Facebook): a signal only with an act on them. */
const names = signalData.namesNeedingAnAct as Record<Script, string[]>;
export const NAMES_NEEDING_AN_ACT: Record<Script, ReadonlySet<string>> = { zh: new Set(names.zh), en: new Set(names.en) };
/** Words that contain a negator but negate nothing (不然 "otherwise"). */
export const NOT_NEGATORS = signalData.notNegators as Record<Script, string[]>;
export const CONTENT_TERMS = categoryData.content as Record<Exclude<GuidanceContent, 'other'>, PerScript>;
export const MOTIVE_TERMS = categoryData.motive as Record<Exclude<GuidanceMotive, 'unknown'>, PerScript>;
export const NEED_TERMS = categoryData.needs as Record<Need, PerScript>;

// OpenCC's traditional-to-mainland tables. Not the Taiwan variants: they turn simplified 么 into 幺
// and rewrite mainland words (影片 → 视频), so simplified text would not pass through unchanged.
const fromTraditional = Converter({ from: 't', to: 'cn' });

/** Traditional characters become simplified ones, so zh-TW meets the same lexicon as zh-CN. */
export function toSimplified(text: string): string {
  return fromTraditional(text);
}

/** How many characters of the text only traditional Chinese writes. */
export function traditionalCharCount(text: string): number {
  const simplified = [...fromTraditional(text)];
  const original = [...text];
  // A word table may change a word's length; then count character by character.
  if (simplified.length !== original.length) return original.filter((ch) => fromTraditional(ch) !== ch).length;
  return original.filter((ch, i) => simplified[i] !== ch).length;
}
