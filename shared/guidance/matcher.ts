import type { Script } from './lexicons.js';

/**
 * Finds lexicon terms in text. Chinese is matched as substrings of the simplified text (robust
 * where word segmentation splits 售后 into 售 / 后); English as whole lower-cased word sequences.
 * Longer terms win: once 非常不满 is matched, the 不满 inside it is not counted again.
 */
export interface Hit {
  term: string;
  /** Index in the prepared text where the term starts. */
  start: number;
  end: number;
}

export interface Prepared {
  script: Script;
  /** For zh: the simplified, lower-cased text. For en: ` w1 w2 … ` with single spaces. */
  text: string;
}

const WORD = /[\p{L}\p{N}'’$]+|[^\s\p{L}\p{N}]/gu;

export function prepare(text: string, script: Script): Prepared {
  if (script === 'zh') return { script, text: text.toLowerCase() };
  const words = text.toLowerCase().replace(/’/g, "'").match(WORD) ?? [];
  return { script, text: ` ${words.join(' ')} ` };
}

/** The terms longest first, each with what is searched for: lower case, and in English split into words as the text is ("one-star" is ` one - star `). */
interface Needle {
  term: string;
  needle: string;
}
const sortedCache = new WeakMap<object, Record<Script, Needle[] | undefined>>();
function byLength(terms: Iterable<string>, key: object, script: Script): Needle[] {
  let cached = sortedCache.get(key);
  if (!cached) sortedCache.set(key, (cached = { zh: undefined, en: undefined }));
  return (cached[script] ??= [...terms]
    .sort((a, b) => b.length - a.length)
    .map((term) => ({ term, needle: prepare(term, script).text })));
}

/** Every non-overlapping occurrence of the terms, longest terms first. */
export function findTerms(prepared: Prepared, terms: Iterable<string>, cacheKey: object): Hit[] {
  const taken = new Uint8Array(prepared.text.length);
  const hits: Hit[] = [];
  const pad = prepared.script === 'en' ? 1 : 0;
  for (const { term, needle } of byLength(terms, cacheKey, prepared.script)) {
    let from = 0;
    for (;;) {
      const at = prepared.text.indexOf(needle, from);
      if (at < 0) break;
      const start = at + pad;
      const end = start + needle.length - 2 * pad;
      from = at + 1;
      let free = true;
      for (let i = start; i < end; i++) if (taken[i]) free = false;
      if (!free) continue;
      taken.fill(1, start, end);
      hits.push({ term, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** The text just before a hit: four characters in Chinese, three words in English. */
export function before(prepared: Prepared, hit: Hit): string {
  // A clause ends at punctuation: "不满意，谢谢" does not negate the thanks.
  if (prepared.script === 'zh') return prepared.text.slice(Math.max(0, hit.start - 4), hit.start).split(CLAUSE_END).pop()!;
  const words = prepared.text.slice(0, hit.start).trim().split(' ');
  const clause: string[] = [];
  for (const word of words.slice(-3).reverse()) {
    if (CLAUSE_END.test(word)) break;
    clause.unshift(word);
  }
  return ` ${clause.join(' ')} `;
}

const CLAUSE_END = /[，。！？；：,.!?;:、\n]/;

export function endsWithAny(context: string, words: readonly string[], script: Script): string | null {
  for (const word of words) {
    if (script === 'zh' ? context.includes(word) : context.includes(` ${word} `)) return word;
  }
  return null;
}
