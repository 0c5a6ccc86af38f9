import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findTerms, findTermsOfLists, matchesOf, prepare, type Hit } from '../../../shared/guidance/matcher.js';
import { readFileSync } from 'node:fs';
import { requiredText, type Script } from '../../../shared/guidance/lexicons.js';
import zhLexicon from '../../../shared/guidance/data/lexicon.zh.json' with { type: 'json' };
import enLexicon from '../../../shared/guidance/data/lexicon.en.json' with { type: 'json' };

/** The plain reading of the rule: terms longest first, each searched for left to right, a place taken once. */
function reference(text: string, script: Script, terms: string[]): Hit[] {
  const prepared = prepare(text, script).text;
  const taken = new Uint8Array(prepared.length);
  const pad = script === 'en' ? 1 : 0;
  const hits: Hit[] = [];
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    const needle = prepare(term, script).text;
    if (!needle.trim()) continue;
    for (let at = prepared.indexOf(needle); at >= 0; at = prepared.indexOf(needle, at + 1)) {
      const start = at + pad;
      const end = start + needle.length - 2 * pad;
      if (taken.subarray(start, end).some(Boolean)) continue;
      taken.fill(1, start, end);
      hits.push({ term, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

describe('finding lexicon terms', () => {
  it('takes the longer term first and counts the shorter one inside it no more', () => {
    const hits = findTerms(prepare('我非常不满，真的不满', 'zh'), ['不满', '非常不满'], {});
    expect(hits.map((h) => h.term)).toEqual(['非常不满', '不满']);
  });

  it('finds the same hits in a lexicon of thousands (walked once) as term by term, in Chinese and English', () => {
    const zhChars = [...'不满意非常差劲投诉退款'];
    const enWords = ['not', 'happy', 'very', 'bad', 'refund', 'call', 'the', 'police', 'now', 'one', '-', 'star'];
    const zhTerm = fc.array(fc.constantFrom(...zhChars), { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
    const enTerm = fc.array(fc.constantFrom(...enWords), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
    for (const [script, term, piece] of [['zh', zhTerm, fc.constantFrom(...zhChars, '，')], ['en', enTerm, fc.constantFrom(...enWords, ',')]] as const) {
      fc.assert(
        fc.property(fc.uniqueArray(term, { minLength: 64, maxLength: 200 }), fc.array(piece, { minLength: 10, maxLength: 80 }), (terms, pieces) => {
          const text = pieces.join(script === 'zh' ? '' : ' ');
          // A fresh cache key each time: the list is prepared anew, as a new lexicon would be.
          expect(findTerms(prepare(text, script), terms, {})).toEqual(reference(text, script, terms));
        }),
        { numRuns: 300, seed: 16 },
      );
    }
  });

  it('reads several short lists in one walk as each alone, a term in two lists counted in both', () => {
    const zhChars = [...'不满意差劲退款'];
    const zhTerm = fc.array(fc.constantFrom(...zhChars), { minLength: 1, maxLength: 3 }).map((cs) => cs.join(''));
    const enWords = ['not', 'happy', 'bad', 'refund', 'now', '-', 'star'];
    const enTerm = fc.array(fc.constantFrom(...enWords), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
    for (const [script, term, piece] of [['zh', zhTerm, fc.constantFrom(...zhChars, '，')], ['en', enTerm, fc.constantFrom(...enWords, ',')]] as const) {
      fc.assert(
        fc.property(fc.array(fc.uniqueArray(term, { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 6 }), fc.array(piece, { minLength: 5, maxLength: 60 }), (lists, pieces) => {
          const text = pieces.join(script === 'zh' ? '' : ' ');
          expect(findTermsOfLists(prepare(text, script), lists, {})).toEqual(lists.map((terms) => reference(text, script, terms)));
        }),
        { numRuns: 300, seed: 17 },
      );
    }
  });

  it('walks a shared pattern to the same matches as matchAll, however the last text left it', () => {
    const re = /(太|很)(慢|贵)|x*/gu;
    const spans = (ms: RegExpExecArray[] | RegExpMatchArray[]) => ms.map((m) => [m.index, m[0]]);
    for (const text of ['太慢了，而且很贵', '', '一点都不贵', '太贵太贵太贵']) {
      expect(spans(matchesOf(text, re)), text).toEqual(spans([...text.matchAll(re)]));
      re.lastIndex = 3;
    }
  });
});

describe('the text a pattern cannot match without', () => {
  it('is the longest run of required characters of each alternative at the top, none when one has only optional ones or groups', () => {
    expect(requiredText('[^，。！？,.!?]{0,6}(自己)(用|吃|住)过(吗|没有?)[？?]', 'zh')).toEqual(['自己']);
    expect(requiredText('气得(我)?(想|要|直)', 'zh')).toEqual(['气得']);
    expect(requiredText('说好的[^，。！？]{0,10}呢', 'zh')).toEqual(['说好的']);
    expect(requiredText('比较厉?害', 'zh')).toEqual(['比较']);
    expect(requiredText('去哪了|去哪儿了', 'zh')).toEqual(['去哪了', '去哪儿了']);
    expect(requiredText('(退钱|赔钱)', 'zh')).toBeNull();
    expect(requiredText('(?<!世界)(太|很)(凶|贵)', 'zh')).toBeNull();
    expect(requiredText('太(没有|没|不)[^，。！？]{1,4}了|就不走了', 'zh')).toEqual(['太', '就不走了']);
    expect(requiredText("\\b(the )?(third|fourth|\\d+th) time (i've|i) (called|asked)", 'en')).toEqual([' time ']);
    expect(requiredText('what is wrong with|what\'s wrong with you', 'en')).toEqual(['what is wrong with', "what's wrong with you"]);
    expect(requiredText('\\bcolou?r (is|was) offensive', 'en')).toEqual([' offensive']);
    expect(requiredText('\\b(too|very) (small|loud)', 'en')).toBeNull();
  });

  it.each([
    ['zh', zhLexicon],
    ['en', enLexicon],
  ] as const)('is in every match of every shipped %s pattern, so skipping a text without it loses nothing', (script, lexicon) => {
    const texts = readFileSync('test/fixtures/guidance/utterances.jsonl', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => prepare((JSON.parse(l) as { text: string }).text, script).text);
    let checked = 0;
    for (const { re } of [...lexicon.patterns.rules, ...lexicon.complaintPatterns.rules]) {
      const needs = requiredText(re, script);
      if (!needs) continue;
      for (const text of texts) {
        for (const m of matchesOf(text, new RegExp(re, 'gu'))) {
          expect(needs.some((n) => m[0].includes(n)), `${re} matched ${m[0]}`).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
