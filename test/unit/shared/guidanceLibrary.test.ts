import { describe, expect, it } from 'vitest';
import { analyze } from '../../../shared/guidance/analyze.js';
import { buildGuidance, checkWording, searchAnswers, SHIPPED_LIBRARY, STEPS } from '../../../shared/guidance/library.js';
import { LexiconExtension } from '../../../shared/guidance/lexicons.js';
import { effectiveLibrary } from '../../../shared/guidance/libraryFold.js';

describe('scripts', () => {
  it('lead with safety when someone may be in danger, and with the heat of the customer otherwise', () => {
    const fire = buildGuidance(analyze('插座冒烟了，又是这样，我非常生气！'), 'zh-CN', {});
    expect(fire.steps[0]!.say[0]).toContain('请先确认您和家人都安全');
    const furious = buildGuidance(analyze('第三次了还没人来，再不解决我就找记者曝光！'), 'zh-CN', {});
    expect(furious.steps[0]!.say[0]).toContain('您的心情我完全理解');
    const calm = buildGuidance(analyze('想问一下保修期多久'), 'zh-CN', {});
    expect(calm.steps[0]!.say[0]).toContain('您先别着急');
  });

  it('cover every step in order, with phrases never to say and the better wording', () => {
    const guidance = buildGuidance(analyze('The bill is wrong again'), 'en', {});
    expect(guidance.steps.map((s) => s.step)).toEqual([...STEPS]);
    for (const step of guidance.steps) expect(step.say.length, step.step).toBeGreaterThan(0);
    expect(guidance.steps[0]!.avoid[0]).toEqual({ say: 'Calm down.', better: "In your place I'd be frustrated too." });
  });

  it('fill in the customer, the case number and the promised time', () => {
    const guidance = buildGuidance(analyze('热水器漏水'), 'zh-CN', { customerName: '王女士', caseNumber: 'BJ01-A-20261122-0001', promiseTime: '今天 16:30' });
    const commit = guidance.steps.find((s) => s.step === 'commit')!;
    expect(commit.say[0]).toBe('您的受理编号是 BJ01-A-20261122-0001。我会把这件事作为优先处理，今天 16:30前给您回电，告诉您核实结果和下一步安排。');
    expect(guidance.steps[0]!.say[0]!.startsWith('王女士，')).toBe(true);
  });

  it('raise a banner for each escalating signal in the desk language', () => {
    const guidance = buildGuidance(analyze('我要找律师起诉你们，还要打12315'), 'zh-TW', {});
    expect(guidance.banners.map((b) => b.kind).sort()).toEqual(['legal', 'regulator']);
    expect(guidance.banners.find((b) => b.kind === 'legal')!.text).toContain('重大客訴');
  });

  it('exist in all three languages for every phrase (seeded content, not placeholders)', () => {
    for (const phrase of SHIPPED_LIBRARY.scripts.phrases) {
      expect(phrase.say['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(phrase.say['zh-TW']).toMatch(/[\u4e00-\u9fff]/);
      expect(phrase.say.en).toMatch(/[a-z]{3,}/);
    }
  });
});

describe('the do-not-say check', () => {
  it('catches pushing the customer away, blaming and excuses, with the better wording', () => {
    const [pushed] = checkWording('这不归我们管，你去找厂家吧', 'zh-CN');
    expect(pushed).toMatchObject({ found: '不归我们管', why: expect.stringContaining('推诿') });
    expect(checkWording('Sorry, that is not my department', 'en')[0]!.better).toContain('follow it through');
    expect(checkWording('是你自己弄坏的', 'zh-CN')[0]!.why).toBe('埋怨客户');
    expect(checkWording('已致电客户，约好明天上门', 'zh-CN')).toEqual([]);
  });
});

describe('standard answers', () => {
  it('come up for what the customer is talking about', () => {
    expect(searchAnswers('师傅说好上门一直没来', 'zh-CN', 'timeliness')[0]!.id).toBe('repair-visit');
    expect(searchAnswers('you charged me twice on my bill', 'en', 'billing')[0]!.id).toBe('billing-check');
    expect(searchAnswers('每次问都是不同的说法', 'zh-CN')[0]!.id).toBe('consistent-answers');
  });
});

describe('HQ lexicon additions', () => {
  const extension = {
    version: 2,
    anger: { zh: { 膈应: 3 }, en: { 'gaslighting me': 3 } },
    complaint: { zh: { 鬼影: 1 }, en: {} },
    signals: { media: { zh: ['发到头条'], en: ['local paper'] } },
  };

  it('take new judgement words: upset, never angry on their own', () => {
    expect(analyze('电视屏幕有鬼影', 'zh-CN').temperature).toBe(0);
    expect(analyze('电视屏幕有鬼影', 'zh-CN', extension).temperature).toBe(1);
    expect(analyze('電視螢幕有鬼影', 'zh-TW', extension).temperature).toBe(1);
  });

  it('read a version published before judgement words existed as having none', () => {
    const old = { version: 2, anger: { zh: { 膈应: 3 }, en: {} }, signals: {} };
    expect(LexiconExtension.parse(old).complaint).toEqual({ zh: {}, en: {} });
    expect(effectiveLibrary([{ kind: 'lexicon', itemId: 'lexicon', version: 2, data: old }]).lexicon.complaint).toEqual({ zh: {}, en: {} });
  });

  it('are read by the engine without a release: new mood words and new signal words', () => {
    // The rules' reading (the model, trained on Weibo, may know the word already).
    expect(analyze('你们这样真膈应人', 'zh-CN', undefined, null).temperature).toBeLessThan(2);
    const extended = analyze('你们这样真膈应人', 'zh-CN', extension, null);
    expect(extended.temperature).toBeGreaterThanOrEqual(2);
    expect(extended.triggers).toContain('膈应');
    expect(analyze('我要把这件事发到头条', 'zh-CN').signals).toEqual([]);
    expect(analyze('我要把这件事发到头条', 'zh-CN', extension).signals).toEqual([{ kind: 'media', words: ['发到头条'] }]);
    expect(analyze('I am writing to the local paper about this', 'en', extension).escalate).toBe(true);
  });

  it('apply to traditional Chinese too', () => {
    expect(analyze('我要把這件事發到頭條', 'zh-TW', extension).signals.map((s) => s.kind)).toEqual(['media']);
  });
});
