import zhLexicon from './data/lexicon.zh.json' with { type: 'json' };
import enLexicon from './data/lexicon.en.json' with { type: 'json' };
import signalData from './data/signals.json' with { type: 'json' };
import categoryData from './data/categories.json' with { type: 'json' };
import t2s from './data/t2s.json' with { type: 'json' };

/**
 * The guidance engine's word lists are data (shared/guidance/data/*.json), each with its own
 * version and source note. This module only gives them types and prepares them for matching.
 */
export type Script = 'zh' | 'en';
export const SIGNAL_KINDS = ['media', 'legal', 'regulator', 'social', 'safety', 'repeat', 'compensation', 'threat'] as const;
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
  patterns: Array<{ re: RegExp; weight: number }>;
  positive: Map<string, number>;
  degree: Map<string, number>;
  negators: string[];
}

const toMap = (...records: Array<Record<string, number>>) => new Map(records.flatMap((r) => Object.entries(r)));

function lexicon(data: typeof zhLexicon | typeof enLexicon): Lexicon {
  return {
    anger: toMap(data.anger.terms, data.emoticons.terms),
    patterns: data.patterns.rules.map((r) => ({ re: new RegExp(r.re, 'gu'), weight: r.weight })),
    positive: toMap(data.positive.terms),
    degree: toMap(data.degree.terms),
    negators: [...data.negators.terms].sort((a, b) => b.length - a.length),
  };
}

export const LEXICONS: Record<Script, Lexicon> = { zh: lexicon(zhLexicon), en: lexicon(enLexicon) };

type PerScript = { zh: string[]; en: string[] };
export const SIGNAL_TERMS = signalData.signals as Record<SignalKind, PerScript>;
export const ESCALATING_SIGNALS = signalData.escalating as SignalKind[];
/** Words that contain a negator but negate nothing (不然 "otherwise"). */
export const NOT_NEGATORS = signalData.notNegators as Record<Script, string[]>;
export const CONTENT_TERMS = categoryData.content as Record<Exclude<GuidanceContent, 'other'>, PerScript>;
export const MOTIVE_TERMS = categoryData.motive as Record<Exclude<GuidanceMotive, 'unknown'>, PerScript>;
export const NEED_TERMS = categoryData.needs as Record<Need, PerScript>;

export const LEXICON_VERSION = [zhLexicon.version, enLexicon.version, signalData.version, categoryData.version, t2s.version].join('.');

const T2S = new Map([...t2s.traditional].map((ch, i) => [ch, [...t2s.simplified][i]!]));

/** Traditional characters become simplified ones, so zh-TW meets the same lexicon as zh-CN. */
export function toSimplified(text: string): string {
  let out = '';
  let changed = 0;
  for (const ch of text) {
    const simple = T2S.get(ch);
    if (simple) changed += 1;
    out += simple ?? ch;
  }
  return changed ? out : text;
}

/** How many characters of the text only traditional Chinese writes. */
export function traditionalCharCount(text: string): number {
  let n = 0;
  for (const ch of text) if (T2S.has(ch)) n += 1;
  return n;
}
