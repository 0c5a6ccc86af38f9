import zhLexicon from './data/lexicon.zh.json' with { type: 'json' };
import enLexicon from './data/lexicon.en.json' with { type: 'json' };
import signalData from './data/signals.json' with { type: 'json' };
import categoryData from './data/categories.json' with { type: 'json' };
import { z } from 'zod';
import { Converter } from 'opencc-js/t2cn';
import { rememberLast } from './rememberLast.js';

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
  /** Text every match contains one of (`requiredText`): without any of it in the text the pattern is not run. */
  needs: string[] | null;
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

const patterns = (rules: Array<{ re: string; weight: number }>, script: Script): Pattern[] =>
  rules.map((r) => ({ re: new RegExp(r.re, 'gu'), weight: r.weight, needs: requiredText(r.re, script) }));

/** Characters a pattern's source means as themselves: Chinese ones; in English, letters, apostrophes and the spaces between words. */
const LITERAL: Record<Script, RegExp> = { zh: /[\u3400-\u9fff]/, en: /[a-z' ]/ };

/**
 * Text every match of a pattern contains one of: for each alternative at the top of the pattern, its
 * longest run of required characters; null when some alternative has none for sure (only optional
 * characters, or a group). Most of the hundreds of patterns cannot match most texts; a substring test
 * skips them (a regular expression that opens with [^，。！？]{0,6} is otherwise tried at every place
 * of the text, and one with alternatives at every place for each).
 */
export function requiredText(source: string, script: Script): string[] | null {
  // A group of Chinese alone, not optional ((自己)), is as required as its characters.
  const s = script === 'zh' ? source.replace(/\((?:\?:)?([\u3400-\u9fff]+)\)(?![?*+{])/gu, '$1') : source;
  const alternatives: string[] = [];
  let depth = 0;
  let run = '';
  let best = '';
  const end = () => {
    if (run.trim().length > best.trim().length) best = run;
    run = '';
  };
  const close = () => {
    end();
    alternatives.push(best);
    best = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      end();
      i++;
    } else if (c === '[') {
      end();
      while (i < s.length && s[i] !== ']') i += s[i] === '\\' ? 2 : 1;
    } else if (c === '{') {
      end();
      while (i < s.length && s[i] !== '}') i++;
    } else if (c === '(' || c === ')') {
      end();
      depth += c === '(' ? 1 : -1;
    } else if (c === '|' && depth === 0) {
      close();
    } else if (depth === 0 && LITERAL[script].test(c) && !/[?*{]/.test(s[i + 1] ?? '')) {
      run += c;
    } else {
      end();
    }
  }
  close();
  return alternatives.every((a) => a.trim()) ? alternatives : null;
}

function lexicon(data: typeof zhLexicon | typeof enLexicon, script: Script): Lexicon {
  return {
    anger: toMap(data.anger.terms, data.emoticons.terms),
    patterns: patterns(data.patterns.rules, script),
    complaint: toMap(data.complaint.terms),
    complaintPatterns: patterns(data.complaintPatterns.rules, script),
    positive: toMap(data.positive.terms),
    degree: toMap(data.degree.terms),
    negators: [...data.negators.terms].sort((a, b) => b.length - a.length),
  };
}

const SHIPPED: Record<Script, Lexicon> = { zh: lexicon(zhLexicon, 'zh'), en: lexicon(enLexicon, 'en') };

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
export const toSimplified = rememberLast(fromTraditional);

/**
 * Written Cantonese in Mandarin words, character for character so the clerk is still shown the
 * customer's own (报咗警 is read as 报了警, 叫你哋经理出嚟 as 叫你们经理出来). Only words Mandarin does
 * not write alike: 係 is read as 是 but not in 關係, 話 as 说 only after who said it (not 電話).
 */
const CANTONESE_PHRASES: Record<string, string> = {
  成個鐘: '一小时', 成个钟: '一小时', 睇住嚟: '走着瞧', 睇住黎: '走着瞧', 未有人: '没有人', 搞乜鬼: '搞什么', 搞咩鬼: '搞什么',
  唔該: '劳驾', 唔该: '劳驾', 唔好食: '不好吃', 唔好飲: '不好喝', 唔好饮: '不好喝', 唔好: '不要', 好好食: '很好吃', 好食: '好吃', 有啲: '有点', 點解: '为何', 点解: '为何', 點樣: '怎样', 点样: '怎样', 點算: '咋办', 点算: '咋办',
  麻麻哋: '一般般', 個鐘: '小时', 个钟: '小时', 而家: '现在', 琴日: '昨天', 尋日: '昨天', 寻日: '昨天', 聽日: '明天', 听日: '明天',
};
const CANTONESE_CHARS: Record<string, string> = {
  咗: '了', 哋: '们', 佢: '他', 唔: '不', 冇: '没', 嘅: '的', 喺: '在', 嚟: '来', 睇: '看', 搵: '找', 揾: '找', 啲: '些',
  咩: '啥', 乜: '啥', 攞: '拿', 諗: '想', 谂: '想', 嗰: '那', 俾: '给', 畀: '给', 咁: '这', 噉: '这', 嬲: '怒', 仲: '还', 係: '是', 話: '说', 话: '说', 呢: '这',
};
const CANTONESE = new RegExp(
  `${Object.keys(CANTONESE_PHRASES).join('|')}|[咗哋佢唔冇嘅喺嚟睇搵揾啲咩乜攞諗谂嗰俾畀咁噉嬲]|仲(?![裁介夏秋春冬])|(?<![關关聯联干幹體体派世維维])係|(?<=[佢我你他她哋們们員员理傅闆板服])[話话]|呢(?=[間间个個度啲些種种次條条件位家樣样份單单])`,
  'g',
);
/** Characters only Cantonese writes: without one, the text is not read for the rest (a tenth of a short reading's time). */
const CANTONESE_ONLY = /[咗哋佢唔冇嘅喺嚟睇搵揾啲咩乜攞諗谂嗰俾畀咁噉嬲係]/;
export function fromCantonese(text: string): string {
  if (!CANTONESE_ONLY.test(text)) return text;
  return text.replace(CANTONESE, (found) => CANTONESE_PHRASES[found] ?? CANTONESE_CHARS[found] ?? found);
}

/** How many characters of the text only traditional Chinese writes. */
export function traditionalCharCount(text: string): number {
  const converted = toSimplified(text);
  if (converted === text) return 0;
  const simplified = [...converted];
  const original = [...text];
  // A word table may change a word's length; then count character by character.
  if (simplified.length !== original.length) return original.filter((ch) => fromTraditional(ch) !== ch).length;
  return original.filter((ch, i) => simplified[i] !== ch).length;
}
