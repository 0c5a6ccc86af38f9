/**
 * `npm run guidance -- analyze` reads JSON lines {id, text, locale?} on stdin and writes one JSON
 * line of analysis per input. `npm run guidance -- eval FILE.jsonl` compares against labelled
 * lines ({..., expect: {temperature, signals, content, motive}}) and prints precision, recall and
 * F1 per label with a confusion table. `npm run guidance -- dev` measures anger on the
 * third-party development sets in ../shared/data/guidance-dev. `npm run guidance -- upset FILE.txt`
 * reads one unhappy text per line (negative reviews, say) and prints the share read as upset.
 */
import { createInterface } from 'node:readline';
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { analyze, type GuidanceLocale } from '../shared/guidance/analyze.js';
import { evaluate, formatReport, type Labelled } from '../shared/guidance/evaluate.js';
import { loadModel } from '../shared/guidance/model.js';
import { DEV_DIR, devSets, figures, readCorpora, TRAIN_DIR, trainModel } from './guidanceTrain.js';

const MODEL_PATH = join(process.cwd(), 'shared', 'guidance', 'data', 'model.json');

const [command, file] = process.argv.slice(2);

/** Answers written together, up to this many: one write per answer was a system call per text. */
const ANSWERS_PER_WRITE = 256;

function answerTo(line: string, n: number): string {
  let input: { id?: unknown; text?: unknown; locale?: unknown };
  try {
    input = JSON.parse(line) as typeof input;
  } catch {
    return JSON.stringify({ line: n, error: 'not JSON' });
  }
  if (typeof input.text !== 'string') return JSON.stringify({ id: input.id ?? null, error: 'text missing' });
  const locale = ['zh-CN', 'zh-TW', 'en'].includes(input.locale as string) ? (input.locale as GuidanceLocale) : undefined;
  const a = analyze(input.text, locale);
  return JSON.stringify({ id: input.id ?? null, locale: a.locale, temperature: a.temperature, signals: a.signals.map((s) => s.kind), content: a.content, motive: a.motive });
}

async function analyzeStdin(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  let answers: string[] = [];
  const flush = () => {
    if (answers.length) process.stdout.write(`${answers.join('\n')}\n`);
    answers = [];
  };
  for await (const line of lines) {
    n += 1;
    if (!line.trim()) continue;
    answers.push(answerTo(line, n));
    if (answers.length === ANSWERS_PER_WRITE) flush();
  }
  flush();
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

function dev(): void {
  if (!existsSync(DEV_DIR)) {
    console.error(`No development data at ${DEV_DIR}.`);
    process.exit(1);
  }
  for (const [name, rows] of Object.entries(devSets())) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const row of rows) {
      const predicted = analyze(row.text, row.script === 'en' ? 'en' : 'zh-CN').temperature >= 2;
      if (predicted && row.angry) tp += 1;
      else if (predicted) fp += 1;
      else if (row.angry) fn += 1;
    }
    const precision = tp / (tp + fp || 1);
    const recall = tp / (tp + fn || 1);
    const f1 = (2 * precision * recall) / (precision + recall || 1);
    console.log(`${name}: ${rows.length} texts, ${rows.filter((r) => r.angry).length} angry — precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(3)}`);
  }
  if (existsSync(TRAIN_DIR)) {
    // The training corpora's own held-back splits (GoEmotions has only its train split here).
    const { report: heldBack } = readCorpora();
    console.log('held back from training, rules alone:');
    for (const line of figures(heldBack, (text, locale) => analyze(text, locale, undefined, null).temperature)) console.log(`  ${line}`);
    console.log('held back from training, rules and model:');
    for (const line of figures(heldBack, (text, locale) => analyze(text, locale).temperature)) console.log(`  ${line}`);
  }
}

/** Trains the model from ../shared/data/guidance-train and writes shared/guidance/data/model.json. */
function train(): void {
  if (!existsSync(TRAIN_DIR)) {
    console.error(`No training data at ${TRAIN_DIR}.`);
    process.exit(1);
  }
  const started = performance.now();
  const corpora = readCorpora();
  const text = trainModel(corpora);
  writeFileSync(MODEL_PATH, text);
  const model = loadModel(JSON.parse(text));
  console.log(`trained on ${corpora.train.length} texts in ${((performance.now() - started) / 1000).toFixed(1)} s; ${MODEL_PATH}: ${(text.length / 1024 / 1024).toFixed(2)} MiB`);
  console.log(`thresholds: ${JSON.stringify(model?.thresholds)}`);
  for (const [title, sets] of [['calibration sets', corpora.calibrate], ['held back', corpora.report]] as const) {
    console.log(`${title}, rules alone:`);
    for (const line of figures(sets, (t, locale) => analyze(t, locale, undefined, null).temperature)) console.log(`  ${line}`);
    console.log(`${title}, rules and model:`);
    for (const line of figures(sets, (t, locale) => analyze(t, locale, undefined, model).temperature)) console.log(`  ${line}`);
  }
}

/** One review or complaint per line, all of them unhappy: how many the engine reads as upset or worse. */
function upset(path: string): void {
  const texts = readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const temperatures = [0, 0, 0, 0];
  for (const text of texts) temperatures[analyze(text).temperature]! += 1;
  const share = (n: number) => `${n}/${texts.length} = ${(n / (texts.length || 1)).toFixed(3)}`;
  console.log(`${texts.length} texts — upset or worse ${share(texts.length - temperatures[0]!)}, angry or worse ${share(temperatures[2]! + temperatures[3]!)}`);
}

switch (command) {
  case 'analyze':
    await analyzeStdin();
    break;
  case 'eval': {
    if (!file) {
      console.error('usage: npm run guidance -- eval FILE.jsonl');
      process.exit(2);
    }
    console.log(formatReport(evaluate(readJsonl<Labelled>(file))));
    break;
  }
  case 'dev':
    dev();
    break;
  case 'train':
    train();
    break;
  case 'upset': {
    if (!file) {
      console.error('usage: npm run guidance -- upset FILE.txt');
      process.exit(2);
    }
    upset(file);
    break;
  }
  default:
    console.error('usage: npm run guidance -- analyze | eval FILE.jsonl | dev | train | upset FILE.txt');
    process.exit(2);
}
