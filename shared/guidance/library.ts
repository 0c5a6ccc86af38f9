import scriptData from './data/scripts.json' with { type: 'json' };
import answerData from './data/answers.json' with { type: 'json' };
import wordingData from './data/wording.json' with { type: 'json' };
import { z } from 'zod';
import type { Analysis, GuidanceLocale } from './analyze.js';
import { SIGNAL_KINDS, GUIDANCE_CONTENTS, GUIDANCE_MOTIVES, toSimplified, EMPTY_EXTENSION, type LexiconExtension, type SignalKind } from './lexicons.js';
import { similarityTo } from '../similarity.js';
import { SHIPPED_CATALOGUE, type FieldCatalogue } from '../fieldCatalogue.js';

/**
 * Scripts, standard answers and do-not-say wording: data that HQ edits and versions. The shipped
 * files are version 1; a published edit replaces them everywhere it has reached.
 */
import { STEPS, type Step } from './steps.js';
export { STEPS, SOLVE_STEPS, type Step } from './steps.js';

const Localized = z.object({ 'zh-CN': z.string().min(1), 'zh-TW': z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof Localized>;

export const ScriptLibrary = z.object({
  version: z.number().int().positive(),
  source: z.string(),
  steps: z.array(z.enum(STEPS)),
  phrases: z.array(
    z.object({
      step: z.enum(STEPS),
      when: z.object({
        minTemperature: z.number().int().min(0).max(3).optional(),
        signal: z.enum(SIGNAL_KINDS).optional(),
        content: z.enum(GUIDANCE_CONTENTS).optional(),
        motive: z.enum(GUIDANCE_MOTIVES).optional(),
      }),
      say: Localized,
    }),
  ),
  avoid: z.array(z.object({ step: z.enum(STEPS), say: Localized, better: Localized })),
  banners: z.partialRecord(z.enum(SIGNAL_KINDS), Localized),
});
export type ScriptLibrary = z.infer<typeof ScriptLibrary>;

export const StandardAnswer = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,60}$/),
  version: z.number().int().positive(),
  topic: z.enum(GUIDANCE_CONTENTS),
  keywords: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }),
  title: Localized,
  body: Localized,
});
export type StandardAnswer = z.infer<typeof StandardAnswer>;

export const WordingLibrary = z.object({
  version: z.number().int().positive(),
  source: z.string(),
  rules: z.array(z.object({ match: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }), why: Localized, better: Localized })),
});
export type WordingLibrary = z.infer<typeof WordingLibrary>;

export interface Library {
  scripts: ScriptLibrary;
  answers: StandardAnswer[];
  wording: WordingLibrary;
  /** HQ's additions to the shipped word lists. */
  lexicon: LexiconExtension;
  /** The parts and fault categories of onsite work. */
  catalogue: FieldCatalogue;
}

export const SHIPPED_LIBRARY: Library = {
  scripts: ScriptLibrary.parse(scriptData),
  answers: z.array(StandardAnswer).parse(answerData.answers),
  wording: WordingLibrary.parse(wordingData),
  lexicon: EMPTY_EXTENSION,
  catalogue: SHIPPED_CATALOGUE,
};

export interface GuidanceValues {
  customerName?: string;
  promiseTime?: string;
  caseNumber?: string;
  findings?: string;
  remedy?: string;
}

const PLACEHOLDER_FALLBACK: Record<GuidanceLocale, Required<GuidanceValues>> = {
  'zh-CN': { customerName: '', promiseTime: '约定时间', caseNumber: '（提交后生成）', findings: '（核实结果）', remedy: '（处理意见）' },
  'zh-TW': { customerName: '', promiseTime: '約定時間', caseNumber: '（提交後產生）', findings: '（核實結果）', remedy: '（處理意見）' },
  en: { customerName: '', promiseTime: 'the agreed time', caseNumber: '(given on submit)', findings: '(what we found)', remedy: '(our proposal)' },
};

/** Fills {customerName}, {promiseTime}, {caseNumber}… with what is known, and a neutral word otherwise. */
export function fill(text: string, locale: GuidanceLocale, values: GuidanceValues): string {
  const fallback = PLACEHOLDER_FALLBACK[locale];
  return text.replace(/\{(\w+)\}/g, (whole, key: keyof GuidanceValues) => {
    if (key === 'customerName') return values.customerName ? `${values.customerName}${locale === 'en' ? ', ' : '，'}` : '';
    return values[key] || fallback[key] || whole;
  });
}

export interface GuidedStep {
  step: Step;
  say: string[];
  avoid: Array<{ say: string; better: string }>;
}

export interface Guidance {
  scriptVersion: number;
  steps: GuidedStep[];
  banners: Array<{ kind: SignalKind; text: string }>;
}

/** Which phrase leads: safety first, then how hot the customer is, then the other signals. */
function specificity(when: ScriptLibrary['phrases'][number]['when']): number {
  const signal = when.signal === 'safety' ? 10 : when.signal ? 4 : 0;
  return signal + 2 * (when.minTemperature ?? 0) + (when.motive ? 2 : 0) + (when.content ? 2 : 0);
}

/** The script for this customer now: per step the phrases that fit best first, and the banners. */
export function buildGuidance(analysis: Analysis, locale: GuidanceLocale, values: GuidanceValues, library: Library = SHIPPED_LIBRARY): Guidance {
  const { scripts } = library;
  const signals = new Set(analysis.signals.map((s) => s.kind));
  const fits = (when: ScriptLibrary['phrases'][number]['when']) =>
    (when.minTemperature === undefined || analysis.temperature >= when.minTemperature) &&
    (when.signal === undefined || signals.has(when.signal)) &&
    (when.content === undefined || analysis.content === when.content) &&
    (when.motive === undefined || analysis.motive === when.motive);
  return {
    scriptVersion: scripts.version,
    steps: scripts.steps.map((step) => ({
      step,
      say: scripts.phrases
        .filter((p) => p.step === step && fits(p.when))
        .sort((a, b) => specificity(b.when) - specificity(a.when))
        .slice(0, 2)
        .map((p) => fill(p.say[locale], locale, values)),
      avoid: scripts.avoid.filter((a) => a.step === step).map((a) => ({ say: fill(a.say[locale], locale, values), better: fill(a.better[locale], locale, values) })),
    })),
    banners: analysis.signals.flatMap((s) => {
      const text = scripts.banners[s.kind]?.[locale];
      return text ? [{ kind: s.kind, text }] : [];
    }),
  };
}

export interface WordingWarning {
  found: string;
  why: string;
  better: string;
}

/** Warns about what staff should never say (推诿, blaming, denying…) in their own notes and replies. */
export function checkWording(text: string, locale: GuidanceLocale, values: GuidanceValues = {}, library: Library = SHIPPED_LIBRARY): WordingWarning[] {
  const zh = toSimplified(text);
  const en = ` ${text.toLowerCase().replace(/\s+/g, ' ')} `;
  const warnings: WordingWarning[] = [];
  for (const rule of library.wording.rules) {
    const found = rule.match.zh.find((m) => zh.includes(m)) ?? rule.match.en.find((m) => en.includes(m));
    if (found) warnings.push({ found, why: rule.why[locale], better: fill(rule.better[locale], locale, values) });
  }
  return warnings;
}

/** Standard answers that fit what the customer said (or what the clerk searched for), best first. */
export function searchAnswers(query: string, locale: GuidanceLocale, topic?: string, library: Library = SHIPPED_LIBRARY, limit = 3): StandardAnswer[] {
  const zh = toSimplified(query);
  const en = query.toLowerCase();
  const similarity = similarityTo(query);
  return library.answers
    .map((answer) => {
      const keywordHits = answer.keywords.zh.filter((k) => zh.includes(k)).length + answer.keywords.en.filter((k) => en.includes(k)).length;
      const text = `${answer.title[locale]} ${answer.body[locale]}`;
      const score = keywordHits * 2 + similarity(text) * 3 + (topic && answer.topic === topic ? 1.5 : 0);
      return { answer, score };
    })
    .filter((r) => r.score > 0.5)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((r) => r.answer);
}
