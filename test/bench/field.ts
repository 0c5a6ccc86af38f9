/**
 * `npm run bench` (field part): photos and signatures through the sync server, up from a
 * technician's desk and down to the branch desk, beside the raw file-copy rate of the same disk in
 * the same run; and the time to open a technician's list of 500 work orders.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Sql } from '../../server/sql.js';
import { newId } from '../../shared/ids.js';
import { complaint, ok, openTeamDesk } from '../fixtures/desk.js';
import { bigJpeg } from '../fixtures/images.js';
import { tempDir } from '../fixtures/tempDir.js';
import { engines, enrolledDesk, freshPostgres, postgresAvailable, setUpOrg, startServer, syncNow } from '../integration/syncWorld.js';

const FILES = Number(process.env.BENCH_ATTACHMENTS ?? 12);
const FILE_BYTES = 3 * 1024 * 1024;
const ORDERS = 500;
const HOUR = 3_600_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);

/** Photos as big as a desk keeps them at most (the body is noise, so nothing compresses). */
const photos = (): Uint8Array[] => Array.from({ length: FILES }, () => bigJpeg(FILE_BYTES));

/** Writing and reading the same bytes as plain files on the same disk: what the transfer is compared with. */
function rawCopyRate(files: Uint8Array[]): number {
  const dir = tempDir('calmdesk-bench-copy-');
  mkdirSync(join(dir, 'b'));
  files.forEach((f, i) => writeFileSync(join(dir, `${i}`), f));
  const started = performance.now();
  files.forEach((_, i) => copyFileSync(join(dir, `${i}`), join(dir, 'b', `${i}`)));
  let total = 0;
  files.forEach((_, i) => (total += readFileSync(join(dir, 'b', `${i}`)).length));
  return mb(total, performance.now() - started);
}

async function attachments(engine: string, open: () => Promise<Sql>, files: Uint8Array[], copyRate: number): Promise<void> {
  const server = await startServer(open);
  const codes = await setUpOrg(server.sql);
  const laptop = await enrolledDesk('benchTech', server.url, codes.bjB!);
  const branch = await enrolledDesk('benchBranch', server.url, codes.bjA!);
  const tech = ok(laptop.desk, laptop.session, 'staff.enrol', { name: '赵工', role: 'technician', pin: '300001' });
  const caseId = ok(laptop.desk, laptop.session, 'case.create', complaint()).id;
  const workOrderId = newId();
  const now = Date.now();
  ok(laptop.desk, laptop.session, 'case.act', {
    id: caseId,
    action: { type: 'work_order_created', payload: { workOrderId, technicianId: tech.id, windowStart: new Date(now).toISOString(), windowEnd: new Date(now + 2 * HOUR).toISOString(), address: '望京西园三区', phone: '13800138000' } },
  });
  const session = ok(laptop.desk, undefined, 'auth.signIn', { staffId: tech.id, pin: '300001' }).session;
  ok(laptop.desk, session, 'case.act', { id: caseId, action: { type: 'work_order_arrived', payload: { workOrderId } } });
  let bytes = 0;
  for (const file of files) {
    const attachment = ok(laptop.desk, session, 'attachment.add', { mediaType: 'image/jpeg', data: Buffer.from(file).toString('base64') });
    bytes += attachment.size;
    ok(laptop.desk, session, 'case.act', { id: caseId, action: { type: 'work_order_photo_added', payload: { workOrderId, stage: 'after', attachment } } });
  }
  let started = performance.now();
  if (!(await syncNow(laptop)).ok) throw new Error('upload failed');
  const up = performance.now() - started;
  started = performance.now();
  if (!(await syncNow(branch)).ok) throw new Error('download failed');
  const down = performance.now() - started;
  const upRate = mb(bytes, up);
  const downRate = mb(bytes, down);
  console.log(
    `${engine}: ${FILES} photos, ${(bytes / 1024 / 1024).toFixed(1)} MB: up ${upRate.toFixed(1)} MB/s (${(upRate / copyRate).toFixed(3)} of file copy), ` +
      `down ${downRate.toFixed(1)} MB/s (${(downRate / copyRate).toFixed(3)} of file copy); file copy on this disk ${copyRate.toFixed(0)} MB/s`,
  );
  laptop.desk.close();
  branch.desk.close();
  await server.stop();
}

/** A technician's desk with 500 visits booked for them: the time "My jobs" takes to answer. */
function jobsList(): void {
  const { desk, team } = openTeamDesk();
  const start = Date.now();
  for (let i = 0; i < ORDERS; i++) {
    const id = ok(desk, team.clerk.session, 'case.create', complaint(`客户${i}`, `第 ${i} 位客户：热水器漏水，师傅一直没上门`, `1380000${String(i).padStart(4, '0')}`)).id;
    ok(desk, team.supervisor.session, 'case.act', {
      id,
      action: {
        type: 'work_order_created',
        payload: { workOrderId: newId(), technicianId: team.technician.staff.id, windowStart: new Date(start + i * HOUR).toISOString(), windowEnd: new Date(start + (i + 2) * HOUR).toISOString(), address: `望京西园 ${i} 号`, phone: '13800138000' },
      },
    });
  }
  const times: number[] = [];
  let listed = 0;
  for (let run = 0; run < 21; run++) {
    const started = performance.now();
    listed = ok(desk, team.technician.session, 'field.jobs', { scope: 'mine' }).items.length;
    times.push(performance.now() - started);
  }
  console.log(`my jobs with ${listed} work orders: median ${median(times).toFixed(1)} ms over ${times.length} runs (first ${times[0]!.toFixed(1)} ms)`);
  desk.close();
}

jobsList();
const files = photos();
const copyRate = rawCopyRate(files);
await attachments('PGlite', engines.pglite(), files, copyRate);
const unavailable = await postgresAvailable();
if (unavailable) console.log(`PostgreSQL: skipped (${unavailable})`);
else {
  const db = await freshPostgres();
  try {
    await attachments('PostgreSQL', engines.postgres(db.url), files, copyRate);
  } finally {
    await db.drop();
  }
}
