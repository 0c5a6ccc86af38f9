import { describe, expect, it, vi } from 'vitest';
import { analyze, SHIPPED_MODEL } from '../../../shared/guidance/analyze.js';
import { bucketOf, featuresOf, loadModel, MODEL_BITS, readWithModel, type ModelFile } from '../../../shared/guidance/model.js';
import { readCorpora, TRAIN_DIR, trainModel } from '../../../scripts/guidanceTrain.js';
import { TRAINING_CORPORA } from '../../../shared/thirdPartyNotices.js';
import { existsSync, readFileSync, statSync } from 'node:fs';

/** A model file whose heads hear only the given grams (every other text stays near 5 %). */
function modelHearing(angryGrams: string[], upsetGrams: string[] = []): ModelFile {
  const head = (grams: string[]) => {
    const weights = Buffer.alloc(1 << MODEL_BITS);
    for (const gram of grams) weights.writeInt8(127, bucketOf(gram));
    return { bias: -3, scale: 0.3, weights: weights.toString('base64') };
  };
  return {
    format: 3,
    bits: MODEL_BITS,
    heads: { upset: head(upsetGrams), angry: head(angryGrams) },
    thresholds: { zh: { upset: 0.5, angry: 0.5, tempers: 0.2 }, en: { upset: 0.5, angry: 0.5, tempers: 0.2 } },
    trainedOn: ['test'],
  };
}

describe('the guidance model beside the rules', () => {
  it('ships a model that loads, within its size budget', () => {
    expect(SHIPPED_MODEL).not.toBeNull();
    expect(statSync('shared/guidance/data/model.json').size).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  it('credits every training corpus in NOTICE as the Settings page does, and packages NOTICE', () => {
    const notice = readFileSync('NOTICE', 'utf8');
    for (const c of TRAINING_CORPORA) for (const part of [c.name, c.citation, c.source]) expect(notice).toContain(part);
    expect(notice).toMatch(/CC BY 4\.0[\s\S]*Apache-2\.0/);
    expect(readFileSync('electron-builder.yml', 'utf8')).toMatch(/^\s+- NOTICE$/m);
  });

  it('falls back to the rules with a warning, never a crash, when the model file is missing or damaged', () => {
    const good = modelHearing(['蓝鲸']);
    const damaged: unknown[] = [
      undefined,
      {},
      { ...good, format: 1 },
      { ...good, heads: { ...good.heads, angry: { ...good.heads.angry, weights: good.heads.angry.weights.slice(0, 1000) } } },
      { ...good, heads: { ...good.heads, upset: { ...good.heads.upset, weights: '%%% not base64 %%%' } } },
    ];
    for (const file of damaged) {
      const warn = vi.fn();
      expect(loadModel(file, warn)).toBeNull();
      expect(warn).toHaveBeenCalledOnce();
    }
    const text = '师傅又没来，你们到底什么时候修？！';
    expect(analyze(text, 'zh-CN', undefined, loadModel({}, () => undefined))).toEqual(analyze(text, 'zh-CN', undefined, null));
  });

  it('raises a reading it is sure of and shows the words it heard, in the customer\'s own characters', () => {
    const model = loadModel(modelHearing(['蓝鲸']))!;
    expect(analyze('我今天看到了蓝鲸', 'zh-CN', undefined, null).temperature).toBe(0);
    const raised = analyze('我今天看到了蓝鲸', 'zh-CN', undefined, model);
    expect(raised.temperature).toBe(2);
    expect(raised.triggers).toContain('蓝鲸');
    expect(analyze('我今天看到了藍鯨', 'zh-TW', undefined, model).triggers).toContain('藍鯨');
    // Texts it does not hear keep the rules' reading.
    expect(analyze('请问营业厅几点开门', 'zh-CN', undefined, model).temperature).toBe(0);
    // A laughing post, or a meme the rules know, it makes upset at most.
    expect(analyze('我今天看到了蓝鲸哈哈哈', 'zh-CN', undefined, model).temperature).toBe(1);
    const memeModel = loadModel(modelHearing(['money']))!;
    expect(analyze('shut up and take my money', 'en', undefined, memeModel).temperature).toBe(1);
    expect(analyze('where is my money', 'en', undefined, memeModel).temperature).toBe(2);
  });

  it('shows the words of the head that raised the reading: what it heard as upset, not as angry', () => {
    // Its angry head hears 营业厅 too, short of that head's threshold.
    const file = modelHearing(['营业厅'], ['排队']);
    const model = loadModel({ ...file, thresholds: { zh: { upset: 0.5, angry: 0.999, tempers: 0 }, en: file.thresholds.en } })!;
    const raised = analyze('我今天在营业厅排队办了新卡', 'zh-CN', undefined, model);
    expect(analyze('我今天在营业厅排队办了新卡', 'zh-CN', undefined, null).temperature).toBe(0);
    expect(raised.temperature).toBe(1);
    expect(raised.triggers).toContain('排队');
    expect(raised.triggers).not.toContain('营业厅');
  });

  it('tempers a written complaint it hears no anger in, never an outburst at the counter or a threat', () => {
    const deaf = loadModel(modelHearing([]))!;
    const letter = '我上个月买的洗衣机用了三天就坏了，师傅上门两次都没修好，到底什么时候能解决？我已经请了两天假在家等了。';
    expect(analyze(letter, 'zh-CN', undefined, null).temperature).toBe(2);
    expect(analyze(letter, 'zh-CN', undefined, deaf).temperature).toBe(1);
    // The same letter with a model that hears its anger keeps the rules' reading.
    expect(analyze(letter, 'zh-CN', undefined, loadModel(modelHearing(['修好']))!).temperature).toBe(2);
    const spoken = ['快递晚了三天，水果都烂了，我要全额退款。', 'I called and the agent just hung up on me. Unbelievable.'];
    const threats = ['你们这是欺诈！我要去消协投诉，还要找记者曝光！', `${letter}再不解决我就去找记者曝光。`];
    for (const text of [...spoken, ...threats]) {
      expect(analyze(text, undefined, undefined, deaf).temperature).toBe(analyze(text, undefined, undefined, null).temperature);
    }
    expect(spoken.map((text) => analyze(text, undefined, undefined, null).temperature)).toEqual([2, 2]);
  });

  it('reads a text with the very features it was trained on', () => {
    // Training reads featuresOf; the desk reads the same grams hashed as it goes, without strings.
    const model = SHIPPED_MODEL!;
    const texts = ['师傅又没来，你们到底什么时候修？！', "I'm furious!!! Nobody called back, again?", '沒有不滿意，只是想問一下保固期多久。', 'Wi-Fi 断了 three times 今天', '', '!!!!!?'];
    for (const text of texts) {
      const buckets = [...featuresOf(text).keys()];
      const probability = (head: typeof model.angry) =>
        1 / (1 + Math.exp(-(head.bias + (buckets.reduce((sum, b) => sum + head.weights[b]!, 0) * head.scale) / Math.sqrt(buckets.length))));
      const read = readWithModel(model, text);
      expect(read.angry).toBeCloseTo(probability(model.angry), 12);
      expect(read.upset).toBeCloseTo(probability(model.upset), 12);
    }
  });

  it('hears an English word by its pieces, and names the word, never a piece or a bare pronoun', () => {
    // A head that hears only the pieces of "furious": "furiously" shares most of them.
    const pieces = [...featuresOf('furious').keys()].filter((b) => b !== bucketOf('furious') && b !== [...featuresOf('').keys()][0]);
    const weights = Buffer.alloc(1 << MODEL_BITS);
    for (const b of pieces) weights.writeInt8(127, b);
    const deaf = modelHearing([]);
    const file = { ...deaf, heads: { ...deaf.heads, angry: { bias: -3, scale: 0.3, weights: weights.toString('base64') } } };
    const model = loadModel(file)!;
    const read = readWithModel(model, 'I am typing this furiously and I want it fixed');
    expect(read.angry).toBeGreaterThan(0.5);
    expect(read.strongest('angry')).toEqual(['furiously']);
    expect(readWithModel(model, 'I am typing this slowly and I want it fixed').angry).toBeLessThan(0.1);
    // The pronoun pushes too, in a head that hears it, but is never named as what was heard.
    const pronoun = loadModel(modelHearing(['我', '凶']))!;
    expect(readWithModel(pronoun, '我觉得他很凶').strongest('angry')).toEqual(['凶']);
    // A single character is named only when it is a word of judgement on its own: not the 地 of 地板.
    const loose = loadModel(modelHearing(['地', '警', '烦']))!;
    expect(readWithModel(loose, '地板上全是水，物业说要报警，真烦').strongest('angry')).toEqual(['烦']);
  });

  it('reads set phrases as the rules do: a near-fire is no 差, a polite 麻烦您帮我 no hassle', () => {
    const model = loadModel(modelHearing(['差', '麻烦']))!;
    // Heard where the words mean what they look like…
    expect(readWithModel(model, '服务太差').angry).toBeGreaterThan(0.5);
    expect(readWithModel(model, '手续太麻烦了').angry).toBeGreaterThan(0.5);
    // …and not inside a set phrase, in simplified or traditional characters.
    for (const text of ['热水器差点着火', '麻烦您帮我查一下账单', '麻煩您幫我查一下帳單', '给你们添麻烦了']) expect(readWithModel(model, text).angry, text).toBeLessThan(0.1);
    expect([...featuresOf('差点着火').values()]).not.toContain('差');
  });

  it('does not hear a threat or report the customer denies: 我没有报警 is no call to the police', () => {
    const model = loadModel(modelHearing(['报警']))!;
    for (const text of ['我没有报警，只是想你们给个说法', '我不会报警的，你们放心']) {
      const read = analyze(text, undefined, undefined, model);
      expect(read.temperature, text).toBeLessThan(2);
      expect(read.triggers, text).not.toContain('报警');
    }
    // Someone else's words are still heard: the rules raise no banner, the model hears the word.
    expect(analyze('保安说要报警，我只是想问清楚', undefined, undefined, model).triggers).toContain('报警');
    // Nor a feeling denied, in English read as the rules read it, word by word.
    const hearsFury = loadModel(modelHearing(['angry', 'police']))!;
    for (const text of ["I'm not angry, I just want to understand why the bill went up.", 'I did not call the police, I just want to know where my parcel is.']) {
      const read = analyze(text, 'en', undefined, hearsFury);
      expect(read.temperature, text).toBeLessThan(2);
      expect(read.triggers.join(' '), text).not.toMatch(/angry|police/);
    }
    expect(analyze('The driver got angry with the neighbours and the parcel got lost.', 'en', undefined, hearsFury).triggers).toContain('angry');
  });

  it('leaves a plain question calm, as it leaves praise, and still hears a grievance asked about', () => {
    const model = loadModel(modelHearing([], ['问问', '关门', 'opens']))!;
    for (const text of ['想问问你们几点关门', '请问你们周末几点关门？', 'Can you tell me when the store opens?']) {
      expect(analyze(text, undefined, undefined, model).temperature, text).toBe(0);
    }
    // The same words said without asking are heard.
    expect(analyze('你们关门太早了', undefined, undefined, model).temperature).toBeGreaterThanOrEqual(1);
  });

  it.skipIf(!existsSync(TRAIN_DIR))('trains reproducibly: the same slice and seed give the same bytes, another seed other bytes', () => {
    const slice = readCorpora(150);
    const once = trainModel(slice, { epochs: 1 });
    expect(trainModel(slice, { epochs: 1 })).toBe(once);
    expect(trainModel(slice, { epochs: 1, seed: 7 })).not.toBe(once);
    const trained = loadModel(JSON.parse(once))!;
    for (const t of Object.values(trained.thresholds)) {
      expect(t.angry).toBeGreaterThan(0);
      expect(t.upset).toBeLessThanOrEqual(1);
      expect(t.tempers).toBeGreaterThanOrEqual(0);
      expect(t.tempers).toBeLessThan(t.angry);
    }
  }, 120_000);
});

if (!existsSync(TRAIN_DIR)) console.warn(`[guidance model] SKIPPED the reproducible-training test: no corpora at ${TRAIN_DIR}`);
