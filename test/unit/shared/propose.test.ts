import { describe, expect, it } from 'vitest';
import { analyze } from '../../../shared/guidance/analyze.js';
import { proposeClassification } from '../../../shared/guidance/propose.js';

const propose = (text: string) => proposeClassification(analyze(text));

describe('classification proposed from the customer\'s words', () => {
  it('makes a media threat a major, level-1 case and says which words did it', () => {
    const p = propose('热水器漏水一个星期了，你们再不处理我就找记者曝光！');
    expect(p.classification).toMatchObject({ severity: 1, major: true, content: 'product', cause: 'product_quality' });
    expect(p.majorBecause.map((s) => s.kind)).toContain('media');
    expect(p.majorBecause.flatMap((s) => s.words).join()).toMatch(/记者|曝光/);
  });

  it('keeps a calm product complaint general and level 3', () => {
    const p = propose('洗衣机脱水的时候有点响，想请师傅来看看。');
    expect(p.classification).toMatchObject({ severity: 3, major: false, nature: 'valid', communicationKind: null });
    expect(p.majorBecause).toEqual([]);
  });

  it('reads rudeness as a complaint about attitude, caused by staff quality', () => {
    const p = propose('柜台那个员工态度太差了，对我大吼大叫。');
    expect(p.classification).toMatchObject({ content: 'attitude', cause: 'staff_quality' });
  });
});
