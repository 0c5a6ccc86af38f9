/**
 * `npm run bench`: figures for a desk holding 100,000 cases (BENCH_CASES=1000000 for an HQ desk).
 * Prints numbers; never passes or fails on time (these machines are noisy: compare medians within one
 * run). BENCH_DATA_DIR keeps the seeded desk there and reuses it on the next run: seeding a million
 * cases takes minutes.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { openDesk } from '../../electron/core/openDesk.js';
import { recordEvents } from '../../db/eventStore.js';
import { mergeSearchSegments, rebuildProjections } from '../../db/projections.js';
import { listCases, viewOf } from '../../db/complaintQueries.js';
import { reportFigures } from '../../db/reports.js';
import { CaseFilter } from '../../shared/contract.js';
import { ok, openTeamDesk } from '../fixtures/desk.js';
import { caseNumberPrefix, formatCaseNumber, localDateKey } from '../../shared/caseNumber.js';
import { formatHlc } from '../../shared/hlc.js';
import { newId } from '../../shared/ids.js';
import type { EventEnvelope } from '../../shared/events.js';
import { tempDir } from '../fixtures/tempDir.js';
import { analyze } from '../../shared/guidance/analyze.js';
import { createCredential, DEFAULT_SECRET_COST, unlockCredential } from '../../keys/actorKeys.js';
import { caseClocks } from '../../shared/sla/clocks.js';
import { DEFAULT_POLICY } from '../../shared/sla/policy.js';
import { OFFICIAL_CALENDAR } from '../../shared/sla/calendar.js';
import { DEFAULT_HOURS } from '../../shared/sla/workingTime.js';
import type { CaseView } from '../../shared/fold.js';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const CREATES = 1_000;
const LISTS = 300;
const REOPENS = 7;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const ms = (value: number) => `${value.toFixed(3)} ms`;
function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

/** Varied complaint texts, so searching for a word matches a realistic share of cases, not all of them. */
const COMPLAINTS = [
  '上周买的热水器漏水，已经打了三次电话都没人上门，地板都泡坏了！',
  '洗衣机用了两个月就坏了，要求退款，售后一直推诿',
  '营业厅排队两个小时，工作人员态度冷淡',
  '宽带每天晚上断线，客服电话一直占线',
  '空调安装师傅把墙面弄脏了也不清理',
  '账单多扣了三十元，去柜台问也说不清楚',
  '冰箱不制冷，预约的维修时间一改再改',
  '快递员态度恶劣，包裹放在门口被偷了',
  'The router keeps dropping the connection every evening',
  '燃气灶打不着火，差点出事，你们要给个说法',
  '会员卡积分莫名清零，要求恢复并道歉',
  '电视屏幕有鬼影，换了一次还是一样',
];

/** Seeds the log through the real write path (event + projection per transaction batch). */
function seed(dataDir: string): { took: number; staffId: string; pin: string; managerId: string; managerPin: string } {
  const { desk, team } = openTeamDesk(undefined, dataDir);
  const start = Date.parse('2026-01-01T01:00:00Z');
  const perDay = 400;
  const by = { actor: team.clerk.staff.id, actorRole: 'clerk' as const, device: desk.core.deviceId, schema: 1 };
  const [, took] = time(() => {
    for (let offset = 0; offset < CASES; offset += 1_000) {
      const batch: EventEnvelope[] = [];
      for (let i = offset; i < Math.min(CASES, offset + 1_000); i++) {
        const at = start + Math.floor(i / perDay) * 86_400_000 + (i % perDay) * 60_000;
        const prefix = caseNumberPrefix('BJ01', 'A', localDateKey(at, 'Asia/Shanghai'));
        // Each case from a new caller, registered as the intake registers one.
        const customer = { name: `客户${i}`, phone: `138${String(i).padStart(8, '0')}` };
        const customerId = newId();
        const stamp = (counter: number) => formatHlc({ wallMs: at, counter, node: desk.core.deviceId });
        batch.push({ id: newId(), entity: 'customer', entityId: customerId, type: 'customer_registered', payload: { name: customer.name, phones: [customer.phone] }, ...by, hlc: stamp(0) });
        batch.push({
          id: newId(),
          entity: 'complaint',
          entityId: newId(),
          type: 'received',
          payload: {
            customer,
            customerId,
            channel: i % 3 ? 'phone' : 'walk_in',
            description: `${COMPLAINTS[i % COMPLAINTS.length]!}（第${i}号）`,
            expectation: '尽快上门维修',
            caseNumber: formatCaseNumber(prefix, (i % perDay) + 1),
            branch: 'BJ01',
            receivedAt: new Date(at).toISOString(),
          },
          ...by,
          hlc: stamp(1),
        });
      }
      recordEvents(desk.db, batch);
    }
  });
  desk.close();
  return { took, staffId: team.clerk.staff.id, pin: team.clerk.pin, managerId: team.manager.staff.id, managerPin: team.manager.pin };
}

function benchGuidance(): void {
  // A 500-character complaint as a clerk would type it: the engine runs on every keystroke.
  const base = '热水器漏水三天了，师傅说好昨天上门又没来，你们这是什么服务？打了三次电话都说马上安排，结果到现在还是没人管。地板都泡坏了，孩子差点滑倒！再不解决我就找记者曝光，还要去12315投诉你们！';
  let text = '';
  while (text.length < 500) text += base;
  text = text.slice(0, 500);
  for (let i = 0; i < 200; i++) analyze(text);
  // Rules alone and rules with the model, interleaved, so the model's share is measured in one run.
  const [runs, rulesOnly]: [number[], number[]] = [[], []];
  for (let i = 0; i < 2_000; i++) {
    runs.push(time(() => analyze(text))[1]);
    rulesOnly.push(time(() => analyze(text, undefined, undefined, null))[1]);
  }
  console.log(`guidance analyze, 500-character Chinese text, 2,000 runs: median ${ms(quantile(runs, 0.5))}, p99 ${ms(quantile(runs, 0.99))} (one frame is 16 ms; budget 1 / 5 ms); rules alone: median ${ms(quantile(rulesOnly, 0.5))}`);
  console.log(`guidance model file: ${(statSync('shared/guidance/data/model.json').size / 1024 / 1024).toFixed(2)} MiB (budget 8 MiB)`);
  const lines = readFileSync('test/fixtures/guidance/utterances.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
  const batch = Array.from({ length: 20 }, () => lines).flat();
  const [, took] = time(() => batch.forEach((t) => analyze(t)));
  console.log(`guidance in this process: ${batch.length.toLocaleString('en')} fixture texts in ${(took / 1000).toFixed(2)} s = ${Math.round(batch.length / (took / 1000)).toLocaleString('en')} texts/s`);
  // The batch CLI as `npm run guidance -- analyze` runs it: bundled, JSON lines in and out, start-up included and apart.
  execFileSync(process.execPath, ['scripts/build-guidance.mjs']);
  const cli = (input: string[]) => time(() => execFileSync(process.execPath, ['dist/guidance/guidance.mjs', 'analyze'], { input: input.map((text, id) => JSON.stringify({ id, text })).join('\n'), maxBuffer: 1 << 30 }))[1];
  const startUp = quantile([0, 1, 2].map(() => cli(['好'])), 0.5);
  const texts = Array.from({ length: 4 }, () => batch).flat();
  const all = cli(texts);
  console.log(
    `guidance batch CLI (npm run guidance -- analyze): ${texts.length.toLocaleString('en')} fixture texts in ${(all / 1000).toFixed(2)} s = ${Math.round(texts.length / (all / 1000)).toLocaleString('en')} texts/s; ` +
      `start-up alone ${(startUp / 1000).toFixed(2)} s, ${Math.round(texts.length / ((all - startUp) / 1000)).toLocaleString('en')} texts/s after it (budget 5,000)`,
  );
}
benchGuidance();

/** What one guess at a PIN costs whoever holds a stolen copy of the staff table: one credential unlock. */
function benchPinGuess(): void {
  for (const role of ['clerk', 'manager'] as const) {
    const { credential } = createCredential('482913', DEFAULT_SECRET_COST(role));
    const guesses: number[] = [];
    for (let i = 0; i < 5; i++) guesses.push(time(() => unlockCredential(String(100000 + i), credential))[1]);
    const median = quantile(guesses, 0.5);
    const space = role === 'manager' ? 10 ** 6 : 10 ** 4;
    console.log(
      `one PIN guess against a ${role}'s credential (scrypt N=${credential.n}): median ${ms(median)}; ` +
        `searching every ${role === 'manager' ? 'six' : 'four'}-digit PIN on one core: ${((space * median) / 3_600_000).toFixed(1)} h`,
    );
  }
}
benchPinGuess();

const keptDir = process.env.BENCH_DATA_DIR;
const dataDir = keptDir ?? tempDir('calmdesk-bench-');
console.log(`CalmDesk bench — ${CASES.toLocaleString('en')} cases, node ${process.version}, data in ${dataDir}`);
const seededFile = join(dataDir, 'bench-seeded.json');
const reused = keptDir !== undefined && existsSync(seededFile);
mkdirSync(dataDir, { recursive: true });
const seeded = reused ? (JSON.parse(readFileSync(seededFile, 'utf8')) as ReturnType<typeof seed>) : seed(dataDir);
if (keptDir) writeFileSync(seededFile, JSON.stringify(seeded));
console.log(`seed ${CASES} cases, each with its new customer (pages of 2,000 events through recordEvents): ${(seeded.took / 1000).toFixed(1)} s${reused ? ' (an earlier run; this desk is reused)' : ''}`);
const signIn = (desk: ReturnType<typeof openDesk>) => ok(desk, undefined, 'auth.signIn', { staffId: seeded.staffId, pin: seeded.pin }).session;

const reopen: number[] = [];
for (let i = 0; i < REOPENS; i++) {
  const [opened, openMs] = time(() => openDesk(dataDir));
  // Sessions live in memory, so each start signs in; the scrypt PIN check is slow by design and not timed.
  const session = signIn(opened);
  const [page, listMs] = time(() => opened.dispatch('case.list', { limit: 50 }, session));
  if (!page.ok) throw new Error('list failed');
  reopen.push(openMs + listMs);
  opened.close();
}
console.log(`open a cleanly closed desk + list first page (50), ${REOPENS} runs: median ${ms(quantile(reopen, 0.5))}, max ${ms(Math.max(...reopen))}`);
{
  // After a crash there is no seal: every page is read before the desk answers.
  rmSync(join(dataDir, 'calmdesk.sqlite.sealed.json'), { force: true });
  const [opened, openMs] = time(() => openDesk(dataDir));
  opened.close();
  console.log(`open after a crash (every page read by quick_check): ${ms(openMs)}`);
}

const desk = openDesk(dataDir);
const session = signIn(desk);
const newest = CaseFilter.parse({ sort: 'newest' });
const urgent = CaseFilter.parse({ sort: 'urgency', state: 'open' });
const listUrgent: number[] = [];
const listCore: number[] = [];
const listSql: number[] = [];
for (let i = 0; i < LISTS; i++) {
  listCore.push(time(() => desk.dispatch('case.list', { limit: 50 }, session))[1]);
  listSql.push(time(() => listCases(desk.db, newest, seeded.staffId, 50, 0))[1]);
  if (i < 30) listUrgent.push(time(() => listCases(desk.db, urgent, seeded.staffId, 50, 0))[1]);
}
console.log(`list first page through core (validate + query + count + response check), ${LISTS} runs: median ${ms(quantile(listCore, 0.5))}, p99 ${ms(quantile(listCore, 0.99))}`);
console.log(`list first page, SQL query + count alone, ${LISTS} runs: median ${ms(quantile(listSql, 0.5))}, p99 ${ms(quantile(listSql, 0.99))}`);
console.log(`open cases by urgency, first page (SQL + count), 30 runs: median ${ms(quantile(listUrgent, 0.5))}, max ${ms(Math.max(...listUrgent))}`);

// Search at this size: a two-character word, a longer one, a phone's tail, a case number's tail; as the
// cases were written, then once the desk's idle steps have merged the index's segments.
const searchFigures = (when: string) => {
  for (const [label, text] of [
    ['two-character word 退款', '退款'],
    ['three-character word 热水器', '热水器'],
    ['phone tail 0042', '0042'],
    ['case-number tail 0007', '0007'],
  ] as const) {
    const runs: number[] = [];
    for (let i = 0; i < 50; i++) runs.push(time(() => desk.dispatch('case.search', { text }, session))[1]);
    console.log(`search (${label}) ${when}, through core, first 20 of the best matches, 50 runs: median ${ms(quantile(runs, 0.5))}, p95 ${ms(quantile(runs, 0.95))}`);
  }
};
searchFigures('as written');
{
  const steps: number[] = [];
  for (;;) {
    const [more, took] = time(() => mergeSearchSegments(desk.db));
    steps.push(took);
    if (!more) break;
  }
  console.log(`search index merged by the idle steps: ${steps.length} steps of 100 pages, median ${ms(quantile(steps, 0.5))}, max ${ms(Math.max(...steps))}, ${(steps.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s in all`);
}
searchFigures('after the idle merge');
const pages = (like: string) => (desk.db.prepare('SELECT coalesce(sum(pgsize), 0) AS bytes FROM dbstat WHERE name LIKE ?').get(like) as { bytes: number }).bytes;
console.log(`search index ${(pages('case_fts%') / 2 ** 20).toFixed(0)} MiB beside a database of ${(pages('%') / 2 ** 20).toFixed(0)} MiB`);

// Reports: the figures of one month and of a year, and generating the monthly analysis.
{
  const monthScope = { fromMs: Date.parse('2026-02-01T00:00:00+08:00'), toMs: Date.parse('2026-03-01T00:00:00+08:00'), utcOffsetMinutes: 480 };
  const yearScope = { fromMs: Date.parse('2026-01-01T00:00:00+08:00'), toMs: Date.parse('2027-01-01T00:00:00+08:00'), utcOffsetMinutes: 480 };
  const manager = ok(desk, undefined, 'auth.signIn', { staffId: seeded.managerId, pin: seeded.managerPin }).session;
  for (const [label, scope] of [['one month', monthScope], ['one year', yearScope]] as const) {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(time(() => reportFigures(desk.db, scope, Date.parse('2026-12-01T00:00:00Z')))[1]);
    console.log(`report figures for ${label} (every chart's query), 5 runs: median ${ms(quantile(runs, 0.5))}, max ${ms(Math.max(...runs))}`);
  }
  const monthly: number[] = [];
  for (let i = 0; i < 5; i++) monthly.push(time(() => desk.dispatch('reports.monthly', { month: '2026-02' }, manager))[1]);
  console.log(`monthly analysis generated through core (a month and the month before), 5 runs: median ${ms(quantile(monthly, 0.5))}`);
}

const creates: number[] = [];
for (let i = 0; i < CREATES; i++) {
  const [result, took] = time(() =>
    desk.dispatch('case.create', {
      customer: { name: '王女士', phone: `139${String(i).padStart(8, '0')}` },
      channel: 'phone',
      description: '营业厅排队两个小时，工作人员态度冷淡，要求给个说法。',
      expectation: '道歉',
    }, session),
  );
  if (!result.ok) throw new Error('create failed');
  creates.push(took);
}
{
  // The disk's own limit in the same run: one small row committed alone, as durably, beside the desk's file.
  const bare = new Database(join(dataDir, 'bare-commit.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE IF NOT EXISTS t (v TEXT)');
  const insert = bare.prepare('INSERT INTO t (v) VALUES (?)');
  const commits = Array.from({ length: CREATES }, () => time(() => insert.run('x'.repeat(1_000)))[1]);
  bare.close();
  rmSync(join(dataDir, 'bare-commit.sqlite'), { force: true });
  console.log(
    `create one case through core (event + projection, one transaction, synchronous=FULL), ${CREATES} runs: median ${ms(quantile(creates, 0.5))}, p99 ${ms(quantile(creates, 0.99))}; ` +
      `one bare 1 KB row committed the same way on this disk: median ${ms(quantile(commits, 0.5))}, p99 ${ms(quantile(commits, 0.99))}`,
  );
}

const views = (desk.db.prepare(`SELECT ${viewOf()} AS view FROM complaints WHERE is_open = 1`).all() as Array<{ view: string }>).map((r) => JSON.parse(r.view) as CaseView);
const [, clocksMs] = time(() => views.forEach((v) => caseClocks(v, DEFAULT_POLICY, OFFICIAL_CALENDAR, DEFAULT_HOURS)));
console.log(`compute the clocks of ${views.length.toLocaleString('en')} open cases (working-time deadlines, calendar, contact clock): ${clocksMs.toFixed(0)} ms total, ${((clocksMs * 1000) / views.length).toFixed(1)} µs per case`);

// BENCH_REBUILD=0 skips the rebuild: at a million cases it takes minutes.
if (process.env.BENCH_REBUILD !== '0') {
  const [, rebuildMs] = time(() => rebuildProjections(desk.db));
  console.log(`rebuild every projection from the log (${(CASES + CREATES).toLocaleString('en')} cases): ${(rebuildMs / 1000).toFixed(2)} s`);
}
console.log(`resident memory after the run: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
desk.close();

// A desk back from a long holiday, in a process of its own: its resident memory is the desk's alone.
{
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/holiday.ts', dataDir, String(CASES), seeded.staffId, seeded.pin], { stdio: 'inherit' });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the holiday bench exited with ${String(code)}`);
}
if (!keptDir) rmSync(dataDir, { recursive: true, force: true });
