import { toSimplified } from './guidance/lexicons.js';

/**
 * Case search that works for Chinese: SQLite's FTS5 with its plain unicode61 tokenizer, fed with
 * tokens made here. Chinese text becomes overlapping character pairs (热水器漏水 → 热水 水器 器漏 漏水),
 * so a two-character word (退款, 售后, 漏水) is one token and a longer one a phrase of pairs; digit
 * runs also give every stretch of four or more (a phone's tail, 8000); Latin words stay words.
 * Traditional characters are folded to simplified on both sides, so 退款 finds 退款 written 退款 in
 * zh-TW and back.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[0-9]+|[a-z][a-z0-9]*/g;
const MAX_DIGIT_RUN = 20;

function pairs(run: string): string[] {
  if (run.length === 1) return [run];
  const out: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

function digitStretches(run: string): string[] {
  if (run.length < 4 || run.length > MAX_DIGIT_RUN) return [run];
  const out = new Set<string>();
  for (let length = 4; length <= run.length; length++) for (let i = 0; i + length <= run.length; i++) out.add(run.slice(i, i + length));
  return [...out];
}

const fold = (text: string) => toSimplified(text.normalize('NFKC')).toLowerCase();

/**
 * The tokens a case is indexed under, space-separated (what FTS5's unicode61 splits on). Phone
 * numbers also give every stretch of four or more digits; digits in text (a case number's date and
 * sequence) stay whole, so a phone tail does not find every case of a date.
 */
export function searchTokens(texts: readonly string[], phones: readonly string[] = []): string {
  // In order and with repeats: a longer word is found as consecutive pairs (an FTS5 phrase).
  const tokens: string[] = [];
  // Folded as one text (no run crosses a line break): folding costs per call more than per character.
  for (const [run] of fold(texts.join('\n')).matchAll(RUN)) {
    if (CJK.test(run[0]!)) tokens.push(...pairs(run));
    else tokens.push(run);
  }
  for (const phone of phones) tokens.push(...digitStretches(phone.replace(/\D/g, '')).filter(Boolean));
  return tokens.join(' ');
}

/** A typed phone number compares by its digits: "138 0013-8000" is searched as 13800138000. */
const joinDigitGroups = (text: string) => (/^[\d\s()+-]+$/.test(text.trim()) ? text.replace(/[\s()+-]+/g, '') : text);

/**
 * The FTS5 query for what the person typed, or null when nothing in it can be searched. Every part
 * must match; the last word is a prefix, so results come as one types.
 */
export function searchQuery(typed: string): string | null {
  const runs = [...fold(joinDigitGroups(typed)).matchAll(RUN)].map(([run]) => run);
  if (!runs.length) return null;
  const parts = runs.map((run, index) => {
    const last = index === runs.length - 1;
    if (CJK.test(run[0]!)) {
      // One character: any pair that starts with it. Two or more: its pairs, one after the other.
      return run.length === 1 ? `"${run}"*` : `"${pairs(run).join(' ')}"`;
    }
    if (/^\d/.test(run)) return run.length >= 4 && run.length <= MAX_DIGIT_RUN ? `"${run}"` : `"${run}"*`;
    return last ? `"${run}"*` : `"${run}"`;
  });
  return parts.join(' AND ');
}

/** The stretches of `text` to highlight for the typed query, in the text's own characters. */
export function highlights(text: string, typed: string): Array<{ start: number; end: number }> {
  const folded = fold(text);
  // Folding keeps one character for one (OpenCC's character tables); if it did not, show no marks.
  if (folded.length !== text.length) return [];
  const found: Array<{ start: number; end: number }> = [];
  for (const [run] of fold(joinDigitGroups(typed)).matchAll(RUN)) {
    let at = folded.indexOf(run);
    while (at >= 0) {
      found.push({ start: at, end: at + run.length });
      at = folded.indexOf(run, at + run.length);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
