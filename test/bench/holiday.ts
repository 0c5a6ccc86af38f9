/**
 * Part of `npm run bench`, in its own process: a desk back from a long holiday, every seeded case open
 * and past its contact deadline. The desk answers first; escalations and alarms follow in batches
 * (watched for BENCH_CATCH_UP_S seconds). Arguments: DATA_DIR CASES STAFF_ID PIN.
 */
import { performance } from 'node:perf_hooks';
import { openDesk } from '../../electron/core/openDesk.js';
import { ok } from '../fixtures/desk.js';

const [dataDir, cases, staffId, pin] = process.argv.slice(2) as [string, string, string, string];
const watchMs = Number(process.env.BENCH_CATCH_UP_S ?? 30) * 1000;
const started = performance.now();
const back = openDesk(dataDir, undefined, { tickMs: 60_000 });
const session = ok(back, undefined, 'auth.signIn', { staffId, pin }).session;
const page = back.dispatch('case.list', { limit: 50, sort: 'urgency', state: 'open' }, session);
if (!page.ok) throw new Error('list failed');
const firstPage = performance.now() - started;
let progress = { escalated: 0, alarms: 0, finished: false };
back.core.subscribe((event, payload) => {
  if (event === 'deadlines.progress') progress = payload as typeof progress;
});
let peakRss = 0;
const watchStart = performance.now();
await new Promise<void>((resolve) => {
  const sample = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (progress.finished || performance.now() - watchStart > watchMs) {
      clearInterval(sample);
      resolve();
    }
  }, 100);
});
const watched = (performance.now() - watchStart) / 1000;
console.log(
  `desk back from a holiday with ${Number(cases).toLocaleString('en')} overdue cases: first page of the queue ${firstPage.toFixed(3)} ms after opening (PIN check included); ` +
    `catch-up ${progress.finished ? 'finished' : 'still running'} after ${watched.toFixed(1)} s: ${progress.escalated.toLocaleString('en')} escalated (${Math.round(progress.escalated / watched)}/s), ` +
    `${progress.alarms.toLocaleString('en')} alarms; peak resident memory of this desk's process ${(peakRss / 2 ** 20).toFixed(0)} MiB (goal ≤ 300 MB)`,
);
back.close();
