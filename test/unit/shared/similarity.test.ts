import { describe, expect, it } from 'vitest';
import { REPEAT_SIMILARITY, textSimilarity } from '../../../shared/similarity.js';

const same = (a: string, b: string) => textSimilarity(a, b) >= REPEAT_SIMILARITY;

describe('is this the same matter again?', () => {
  it.each([
    ['上周买的热水器漏水，师傅一直没上门', '热水器又漏水了，说好的师傅还是没上门'],
    ['宽带从昨天开始断网，报修两次没人处理', '宽带又断网了，之前报修过还是没人来处理'],
    ['账单多扣了 50 元月租费', '这个月账单又多扣了月租费50元'],
    ['營業廳排隊兩個小時，櫃台人員態度冷淡', '又在營業廳排隊兩個小時，櫃台態度還是很冷淡'],
    ['The water heater is leaking and no technician came', 'Water heater still leaking, the technician never came'],
    ['I was charged twice for my monthly plan', 'Charged twice again for the monthly plan this month'],
  ])('sees "%s" and "%s" as the same matter', (a, b) => {
    expect(same(a, b)).toBe(true);
  });

  it.each([
    ['上周买的热水器漏水，师傅一直没上门', '营业厅排队两个小时，工作人员态度冷淡'],
    ['宽带从昨天开始断网', '账单多扣了 50 元月租费'],
    ['The water heater is leaking and no technician came', 'I was charged twice for my monthly plan'],
    ['Staff at the counter were rude to my mother', 'The delivery arrived three days late'],
    ['热水器漏水', 'The water heater is leaking'],
  ])('keeps "%s" and "%s" apart', (a, b) => {
    expect(same(a, b)).toBe(false);
  });

  it('gives 1 for identical text and 0 for empty text', () => {
    expect(textSimilarity('热水器漏水', '热水器漏水')).toBe(1);
    expect(textSimilarity('', '热水器漏水')).toBe(0);
  });
});
