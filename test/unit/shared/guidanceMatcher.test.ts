import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findTerms, findTermsOfLists, matchesOf, prepare, type Hit } from '../../../shared/guidance/matcher.js';
import { readFileSync } from 'node:fs';
import { requiredChinese, type Script } from '../../../shared/guidance/lexicons.js';
import zhLexicon from '../../../shared/guidance/data/lexicon.zh.json' with { type: 'json' };

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

describe('the Chinese a pattern cannot match without', () => {
  it('is the longest run of required characters, none when an alternation or only optional ones stand at the top', () => {
    expect(requiredChinese('[^，。！？,.!?]{0,6}(自己)(用|吃|住)过(吗|没有?)[？?]')).toBe('自己');
    expect(requiredChinese('气得(我)?(想|要|直)')).toBe('气得');
    expect(requiredChinese('说好的[^，。！？]{0,10}呢')).toBe('说好的');
    expect(requiredChinese('比较厉?害')).toBe('比较');
    expect(requiredChinese('去哪了|去哪儿了')).toBeNull();
    expect(requiredChinese('(退钱|赔钱)')).toBeNull();
    expect(requiredChinese('(?<!世界)(太|很)(凶|贵)')).toBeNull();
  });

  it('is in every match of every shipped pattern, so skipping a text without it loses nothing', () => {
    const texts = readFileSync('test/fixtures/guidance/utterances.jsonl', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => prepare((JSON.parse(l) as { text: string }).text, 'zh').text);
    let checked = 0;
    for (const { re } of [...zhLexicon.patterns.rules, ...zhLexicon.complaintPatterns.rules]) {
      const needs = requiredChinese(re);
      if (!needs) continue;
      for (const text of texts) {
        for (const m of matchesOf(text, new RegExp(re, 'gu'))) {
          expect(m[0], re).toContain(needs);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
