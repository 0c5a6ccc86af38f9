/**
 * How alike two complaint texts are, 0..1 (Dice coefficient of their token sets). Chinese is
 * compared by character bigrams (robust to word-segmentation errors and to 又/还是 inserted
 * between words), other scripts by lower-cased words without common stop words.
 */
const STOP_WORDS = new Set(
  'a an the and or but is are was were be been am i me my we our you your it its this that to of in on at for with from by as not no so again still very have has had do did does there their they them he she his her'.split(' '),
);

const isCjk = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
const isLetterOrDigit = (ch: string, code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code > 0x7f && /[\p{L}\p{N}]/u.test(ch));

export function similarityTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  const lower = text.toLowerCase();
  let run = '';
  const flushRun = () => {
    if (run.length === 1) tokens.add(run);
    for (let i = 0; i + 1 < run.length; i++) tokens.add(run.slice(i, i + 2));
    run = '';
  };
  let word = '';
  const flushWord = () => {
    const stem = word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word;
    if (stem.length > 1 && !STOP_WORDS.has(word)) tokens.add(stem);
    word = '';
  };
  for (const ch of lower) {
    const code = ch.codePointAt(0)!;
    if (isCjk(code)) {
      flushWord();
      run += ch;
    } else if (isLetterOrDigit(ch, code)) {
      flushRun();
      word += ch;
    } else {
      flushRun();
      flushWord();
    }
  }
  flushRun();
  flushWord();
  return tokens;
}

/** How alike one text is to each of many: its own tokens are taken once. */
export function similarityTo(text: string): (other: string) => number {
  const ta = similarityTokens(text);
  return (other) => {
    const tb = similarityTokens(other);
    if (ta.size === 0 || tb.size === 0) return 0;
    let shared = 0;
    for (const t of ta) if (tb.has(t)) shared += 1;
    return (2 * shared) / (ta.size + tb.size);
  };
}

export function textSimilarity(a: string, b: string): number {
  return similarityTo(a)(b);
}

/** From this similarity on, an earlier complaint of the same customer counts as the same matter. */
export const REPEAT_SIMILARITY = 0.3;
