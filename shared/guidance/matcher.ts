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

/** A pair of single quotes around a phrase ('in a safe place', 'no fault found') quotes it as double quotes do; an apostrophe inside a word stays. */
const SINGLE_QUOTED = /(^|[\s(])'([^'\n]{1,40}?)'(?=[\s.,!?;:)]|$)/g;

export function prepare(text: string, script: Script): Prepared {
  if (script === 'zh') return { script, text: text.toLowerCase() };
  const words = text.toLowerCase().replace(/[‘’]/g, "'").replace(SINGLE_QUOTED, '$1"$2"').match(WORD) ?? [];
  return { script, text: ` ${words.join(' ')} ` };
}

/** A term with what is searched for: lower case, and in English split into words as the text is ("one-star" is ` one - star `). */
interface Needle {
  term: string;
  needle: string;
  /** Its place among its list's terms longest first: the order in which they claim the text. */
  rank: number;
  /** Which of the lists read together it belongs to (0 when one list is read alone). */
  list: number;
}

/**
 * The terms longest first, and by what a match must start with: in Chinese its first two characters'
 * codes as one number, or the one character's code of a one-character term (codes, not characters:
 * text[i] of a Chinese character made a new string at every place of the text, a tenth of a reading's
 * time; and by the first character alone, hundreds of terms starting with 不 were each tried wherever
 * 不 stood); its first word in English.
 */
interface Needles {
  ranked: Needle[];
  byFirst: Map<string | number, Needle[]>;
  /** In Chinese, whether some term may start with a character: its code's low bits marked, a look-up far cheaper than the map's. */
  mayStart: Uint8Array;
}

/** Characters marked in a table by their code's low bits: two may share a mark, which only costs a closer look. */
const CHAR_MASK = 4095;

/** Fewer terms than this are each searched for in the text; more, and the text is walked once instead. */
const WALK_FROM = 64;

const pairKey = (first: number, second: number) => first * 0x10000 + second;
const firstKey = (needle: string, script: Script) =>
  script === 'en' ? needle.slice(1, needle.indexOf(' ', 1)) : needle.length === 1 ? needle.charCodeAt(0) : pairKey(needle.charCodeAt(0), needle.charCodeAt(1));

const needleCache = new WeakMap<object, Record<Script, Needles | undefined>>();
function needlesOf(lists: ReadonlyArray<Iterable<string>>, key: object, script: Script): Needles {
  let cached = needleCache.get(key);
  if (!cached) needleCache.set(key, (cached = { zh: undefined, en: undefined }));
  let needles = cached[script];
  if (!needles) {
    const ranked = lists.flatMap((terms, list) =>
      [...terms]
        .sort((a, b) => b.length - a.length)
        .map((term, rank) => ({ term, needle: prepare(term, script).text, rank, list }))
        .filter((n) => n.needle.trim() !== ''),
    );
    const byFirst = new Map<string | number, Needle[]>();
    for (const n of ranked) {
      const k = firstKey(n.needle, script);
      const list = byFirst.get(k);
      if (list) list.push(n);
      else byFirst.set(k, [n]);
    }
    const mayStart = new Uint8Array(CHAR_MASK + 1);
    if (script === 'zh') for (const n of ranked) mayStart[n.needle.charCodeAt(0) & CHAR_MASK] = 1;
    cached[script] = needles = { ranked, byFirst, mayStart };
  }
  return needles;
}

type Occurrence = { n: Needle; at: number };

/** Where each term occurs (overlaps too), in the order the terms claim the text: longest first, then left to right. */
function occurrences(text: string, script: Script, { ranked, byFirst, mayStart }: Needles): Occurrence[] {
  const found: Occurrence[] = [];
  if (ranked.length < WALK_FROM) {
    for (const n of ranked) for (let at = text.indexOf(n.needle); at >= 0; at = text.indexOf(n.needle, at + 1)) found.push({ n, at });
    return found;
  }
  // A lexicon of thousands, each searched for in the whole text, was most of a reading's time: now
  // each place of the text is tried only against the terms that start with what is there.
  if (script === 'zh') {
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (!mayStart[code & CHAR_MASK]) continue;
      for (const n of byFirst.get(code) ?? []) found.push({ n, at });
      if (at + 1 === text.length) continue;
      const candidates = byFirst.get(pairKey(code, text.charCodeAt(at + 1)));
      if (candidates) for (const n of candidates) if (text.startsWith(n.needle, at)) found.push({ n, at });
    }
  } else {
    // English text is ` w1 w2 … `: a needle starts at a space, and its first word follows it.
    for (let at = 0, next = text.indexOf(' ', 1); next > 0; at = next, next = text.indexOf(' ', next + 1)) {
      const candidates = byFirst.get(text.slice(at + 1, next));
      if (candidates) for (const n of candidates) if (text.startsWith(n.needle, at)) found.push({ n, at });
    }
  }
  return found.sort((a, b) => a.n.rank - b.n.rank || a.at - b.at);
}

const charsOfText = new WeakMap<Prepared, Uint8Array>();

/**
 * Whether the prepared text contains any of the strings. One with a character the text lacks is not
 * searched for: hundreds of patterns each asked whether the text holds what they need was a tenth of a reading.
 */
export function containsAny(prepared: Prepared, strings: readonly string[]): boolean {
  const { text } = prepared;
  let present = charsOfText.get(prepared);
  if (!present) {
    present = new Uint8Array(CHAR_MASK + 1);
    for (let i = 0; i < text.length; i++) present[text.charCodeAt(i) & CHAR_MASK] = 1;
    charsOfText.set(prepared, present);
  }
  strings: for (const s of strings) {
    for (let i = 0; i < s.length; i++) if (!present[s.charCodeAt(i) & CHAR_MASK]) continue strings;
    if (text.includes(s)) return true;
  }
  return false;
}

const wordsByFirst = new WeakMap<ReadonlyMap<string, unknown>, Map<number, string[]>>();

/**
 * Whether some word of the list, at its first place in the text, passes the test. The same answer as
 * asking each word's indexOf, but only the words that start with a character of the text are tried:
 * asking each of hundreds of praise words was a tenth of reading a long text.
 */
export function someAtFirstPlace(text: string, words: ReadonlyMap<string, unknown>, test: (word: string, at: number) => boolean): boolean {
  let byFirst = wordsByFirst.get(words);
  if (!byFirst) {
    byFirst = new Map();
    for (const word of words.keys()) {
      if (!word) continue;
      const list = byFirst.get(word.charCodeAt(0));
      if (list) list.push(word);
      else byFirst.set(word.charCodeAt(0), [word]);
    }
    wordsByFirst.set(words, byFirst);
  }
  const tried = new Set<string>();
  for (let at = 0; at < text.length; at++) {
    const candidates = byFirst.get(text.charCodeAt(at));
    if (!candidates) continue;
    for (const word of candidates) {
      if (tried.has(word) || !text.startsWith(word, at)) continue;
      tried.add(word);
      if (test(word, at)) return true;
    }
  }
  return false;
}

/** Marks [start, end) of the text as taken, unless some of it already is: a place is read as one word only. */
export function claim(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i]) return false;
  taken.fill(1, start, end);
  return true;
}

/** Every non-overlapping occurrence of the terms, longest terms first. */
export function findTerms(prepared: Prepared, terms: Iterable<string>, cacheKey: object): Hit[] {
  return claimed(prepared, occurrences(prepared.text, prepared.script, needlesOf([terms], cacheKey, prepared.script)));
}

/**
 * findTerms for each of several lists, the text walked once for all of them. The content, motive and
 * needs tables are thirteen short lists: each term searched for in the whole text, one by one, was a
 * fifth of a reading's time.
 */
export function findTermsOfLists(prepared: Prepared, lists: ReadonlyArray<Iterable<string>>, cacheKey: object): Hit[][] {
  const byList = lists.map((): Occurrence[] => []);
  for (const o of occurrences(prepared.text, prepared.script, needlesOf(lists, cacheKey, prepared.script))) byList[o.n.list]!.push(o);
  return byList.map((found) => claimed(prepared, found));
}

const LATIN = /[a-z0-9]/i;
/** A Chinese lexicon's Latin term inside a longer Latin word: the sb of USB, the tm of html. */
const insideLatinWord = (text: string, term: string, start: number, end: number) =>
  (LATIN.test(term[0]!) && LATIN.test(text[start - 1] ?? '')) || (LATIN.test(term[term.length - 1]!) && LATIN.test(text[end] ?? ''));

/** The occurrences, in claiming order, that take text no earlier one took. */
function claimed({ text, script }: Prepared, found: Occurrence[]): Hit[] {
  if (!found.length) return [];
  const taken = new Uint8Array(text.length);
  const hits: Hit[] = [];
  const pad = script === 'en' ? 1 : 0;
  for (const { n, at } of found) {
    const start = at + pad;
    const end = start + n.needle.length - 2 * pad;
    if (script === 'zh' && insideLatinWord(text, n.term, start, end)) continue;
    if (claim(taken, start, end)) hits.push({ term: n.term, start, end });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * Every match of a global expression. String.prototype.matchAll copies the expression on each call,
 * and the lexicons' hundred-odd patterns run on every text: walking the shared one reads the fixture batch about a tenth faster here.
 */
export function matchesOf(text: string, re: RegExp): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push(m);
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return found;
}

/** The text just before a hit: four characters in Chinese, three words in English. */
export function before(prepared: Prepared, hit: Hit): string {
  // A clause ends at punctuation: "不满意，谢谢" does not negate the thanks. Reviews often part
  // clauses with a space instead: "东西没问题 好评". A "but" turns it too: 房间不大但很干净, 不但干净.
  if (prepared.script === 'zh') return prepared.text.slice(Math.max(0, hit.start - 4), hit.start).split(CLAUSE_END).pop()!.split(TURN_ZH).pop()!;
  const words = prepared.text.slice(0, hit.start).trim().split(' ');
  const clause: string[] = [];
  for (const word of words.slice(-3).reverse()) {
    if (CLAUSE_END.test(word)) break;
    clause.unshift(word);
  }
  return ` ${clause.join(' ')} `;
}

// Whitespace too: Chinese reviews part clauses with a space; an English word of the prepared text holds none.
const CLAUSE_END = /[，。！？；：,.!?;:、\s]/;
const TURN_ZH = /但|不过|可是/;

export function endsWithAny(context: string, words: readonly string[], script: Script): string | null {
  for (const word of words) {
    if (script === 'zh' ? context.includes(word) : context.includes(` ${word} `)) return word;
  }
  return null;
}
