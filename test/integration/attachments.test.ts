import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaint, ok, openTestDesk } from '../fixtures/desk.js';
import { bigJpeg, contains, GPS_MARK, jpegWithGps, pngWithText } from '../fixtures/images.js';
import { readJson } from '../../db/localState.js';
import { newId } from '../../shared/ids.js';
import type { SyncConfig } from '../../electron/core/syncClient.js';
import { CHUNK_BYTES } from '../fixtures/crashSteps.js';
import { enrolledDesk, engineFor, joinCode, syncUntilKilled, setUpOrg, startServer, syncNow, type Desk, type JoinCode, type RunningServer } from './syncWorld.js';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
/** A photo of several chunks (and few enough requests for the server's per-device limit). */
const bigPhoto = () => bigJpeg(400 * 1024);

async function act(d: { desk: Desk['desk']; session: string }, caseId: string, type: string, payload: object) {
  return ok(d.desk, d.session, 'case.act', { id: caseId, action: { type, payload } as never });
}

describe('photos and signatures travel beside the events', () => {
  let server: RunningServer;
  let codes: Record<string, JoinCode>;
  beforeAll(async () => {
    server = await startServer((await engineFor('postgres')).open);
    codes = await setUpOrg(server.sql);
  }, 60_000);
  afterAll(async () => server.stop());

  /** A new desk of BJ01 on which a technician took one big photo at a visit (not synced yet). */
  async function deskWithVisitPhoto(deskCode: string) {
    const laptop = await enrolledDesk(`visit${deskCode}`, server.url, await joinCode(server.sql, 'BJ01', deskCode));
    const caseId = ok(laptop.desk, laptop.session, 'case.create', complaint('赵女士', '洗衣机不排水', '13700137000')).id;
    const tech = ok(laptop.desk, laptop.session, 'staff.enrol', { name: `孙工${deskCode}`, role: 'technician', pin: '300003' });
    const workOrderId = newId();
    const now = Date.now();
    await act(laptop, caseId, 'work_order_created', { workOrderId, technicianId: tech.id, windowStart: new Date(now).toISOString(), windowEnd: new Date(now + 3_600_000).toISOString(), address: '海淀区', phone: '13700137000' });
    const t = { desk: laptop.desk, session: ok(laptop.desk, undefined, 'auth.signIn', { staffId: tech.id, pin: '300003' }).session };
    await act(t, caseId, 'work_order_arrived', { workOrderId });
    const photo = ok(laptop.desk, t.session, 'attachment.add', { mediaType: 'image/jpeg', data: base64(bigPhoto()) });
    await act(t, caseId, 'work_order_photo_added', { workOrderId, stage: 'before', attachment: photo });
    return { laptop, photo };
  }

  it('a technician’s photo and signature reach the server in resumable chunks and the branch desk after them; other branches are refused', async () => {
    const branch = await enrolledDesk('branch', server.url, codes.bjA!);
    const tech = ok(branch.desk, branch.session, 'staff.enrol', { name: '赵工', role: 'technician', pin: '300001' });
    const caseId = ok(branch.desk, branch.session, 'case.create', complaint()).id;
    const workOrderId = newId();
    const now = Date.now();
    await act(branch, caseId, 'work_order_created', {
      workOrderId,
      technicianId: tech.id,
      windowStart: new Date(now + 3_600_000).toISOString(),
      windowEnd: new Date(now + 7_200_000).toISOString(),
      address: '朝阳区望京西园三区 5 号楼 1201',
      phone: '13800138000',
    });
    expect((await syncNow(branch)).ok).toBe(true);

    // The technician's laptop: synced in the morning, then the visit; the first upload is cut off after one chunk.
    let cutAfterFirstChunk = true;
    const sent: number[] = [];
    const laptop = await enrolledDesk('laptop', server.url, codes.bjB!, {
      attachmentChunkBytes: CHUNK_BYTES,
      onAttachmentChunk: (_hash, received) => {
        sent.push(received);
        if (cutAfterFirstChunk) {
          cutAfterFirstChunk = false;
          throw new Error('connection dropped');
        }
      },
    });
    expect((await syncNow(laptop)).ok).toBe(true);
    const techSession = ok(laptop.desk, undefined, 'auth.signIn', { staffId: tech.id, pin: '300001' }).session;
    const t = { desk: laptop.desk, session: techSession };
    expect(ok(laptop.desk, techSession, 'field.jobs', { scope: 'mine' }).items.map((j) => j.workOrder.id)).toEqual([workOrderId]);
    await act(t, caseId, 'work_order_arrived', { workOrderId });
    const photo = ok(laptop.desk, techSession, 'attachment.add', { mediaType: 'image/jpeg', data: base64(bigPhoto()) });
    const ink = ok(laptop.desk, techSession, 'attachment.add', { mediaType: 'image/png', data: base64(pngWithText()) });
    await act(t, caseId, 'work_order_photo_added', { workOrderId, stage: 'after', attachment: photo });
    await act(t, caseId, 'work_order_work_done', { workOrderId, summary: '更换泄压阀' });
    await act(t, caseId, 'work_order_signed', { workOrderId, signerName: '王女士', attachment: ink });
    await act(t, caseId, 'work_order_completed', { workOrderId, rating: 5 });
    expect(ok(laptop.desk, techSession, 'sync.status', {})).toMatchObject({ attachmentsUp: 2 });

    expect((await syncNow(laptop)).ok).toBe(false);
    const [partial] = await server.sql.query<{ received: number; complete: boolean }>('SELECT received, complete FROM attachments WHERE hash = $1', [photo.hash]);
    expect(partial).toMatchObject({ received: CHUNK_BYTES, complete: false });
    expect((await syncNow(laptop)).ok).toBe(true);
    // Resumed where the server stood: the first chunk was not sent again.
    expect(sent.filter((n) => n === CHUNK_BYTES)).toHaveLength(1);
    expect(ok(laptop.desk, techSession, 'sync.status', {})).toMatchObject({ attachmentsUp: 0, attachmentsDown: 0 });
    const [stored] = await server.sql.query<{ complete: boolean; size: number }>('SELECT complete, size FROM attachments WHERE hash = $1', [photo.hash]);
    expect(stored).toMatchObject({ complete: true, size: photo.size });

    // The branch desk: the events first ("not downloaded yet" is what the screen can say), then the files.
    const before = ok(branch.desk, branch.session, 'case.get', { id: caseId });
    expect(before.case.workOrders[0]?.status).toBe('booked');
    expect((await syncNow(branch)).ok).toBe(true);
    const after = ok(branch.desk, branch.session, 'case.get', { id: caseId });
    expect(after.case.workOrders[0]).toMatchObject({ status: 'completed', signature: { signerName: '王女士' } });
    const got = ok(branch.desk, branch.session, 'attachment.get', { hash: photo.hash });
    expect(got.state).toBe('present');
    const bytes = Buffer.from(got.state === 'present' ? got.data : '', 'base64');
    expect(bytes.length).toBe(photo.size);
    expect(contains(bytes, GPS_MARK)).toBe(false);

    // A damaged copy on the branch desk is dropped on reading and fetched again.
    const dir = join(dirname(branch.desk.db.name), 'attachments', photo.hash.slice(0, 2));
    writeFileSync(join(dir, photo.hash), bytes.subarray(0, 100));
    expect(ok(branch.desk, branch.session, 'attachment.get', { hash: photo.hash })).toEqual({ state: 'missing' });
    expect(ok(branch.desk, branch.session, 'sync.status', {})).toMatchObject({ attachmentsDown: 1 });
    expect((await syncNow(branch)).ok).toBe(true);
    expect(ok(branch.desk, branch.session, 'attachment.get', { hash: photo.hash }).state).toBe('present');
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);

    // Another branch's desk may not fetch it, nor learn that it exists; nor may it upload under that hash.
    const shanghai = await enrolledDesk('shanghai', server.url, codes.shA!);
    const token = readJson<SyncConfig>(shanghai.desk.db, 'meta', 'sync.config')!.token;
    const headers = { authorization: `Bearer ${token}` };
    expect((await fetch(`${server.url}/v1/attachments/${photo.hash}`, { headers })).status).toBe(404);
    expect((await fetch(`${server.url}/v1/attachments/${photo.hash}/status`, { headers })).status).toBe(404);
    const put = await fetch(`${server.url}/v1/attachments/${'c'.repeat(64)}?offset=0&size=10&type=image%2Fjpeg`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(10),
    });
    expect(put.status).toBe(404);
    // An HQ desk sees every branch's files.
    const hq = await enrolledDesk('hq', server.url, codes.hq!);
    expect((await syncNow(hq)).ok).toBe(true);
    expect(ok(hq.desk, hq.session, 'attachment.get', { hash: ink.hash }).state).toBe('present');
    for (const d of [branch, laptop, shanghai, hq]) d.desk.close();
  }, 120_000);

  it('an upload cut off by a SIGKILL of the desk goes on from the bytes the server holds', async () => {
    const { laptop, photo } = await deskWithVisitPhoto('K');
    const dataDir = dirname(laptop.desk.db.name);
    laptop.desk.close();

    // The desk's process dies (SIGKILL) right after the server has taken its second chunk.
    const killed = await syncUntilKilled(dataDir, /CHUNK 2 /);
    expect(killed.signal).toBe('SIGKILL');
    const [held] = await server.sql.query<{ received: number; complete: boolean }>('SELECT received, complete FROM attachments WHERE hash = $1', [photo.hash]);
    expect(held?.complete).toBe(false);
    expect(Number(held?.received)).toBeGreaterThanOrEqual(2 * CHUNK_BYTES);

    const sentFrom: number[] = [];
    const again = openTestDesk(dataDir, undefined, { sync: { attachmentChunkBytes: CHUNK_BYTES, onAttachmentChunk: (_hash, received) => sentFrom.push(received) } });
    const session = ok(again, undefined, 'auth.signIn', { staffId: laptop.staffId, pin: '900001' }).session;
    expect((await syncNow({ ...laptop, desk: again, session })).ok).toBe(true);
    // Nothing the server already held was sent again.
    expect(sentFrom[0]).toBe(Math.min(Number(held!.received) + CHUNK_BYTES, photo.size));
    const [done] = await server.sql.query<{ complete: boolean; n: number }>('SELECT complete, length(data) AS n FROM attachments WHERE hash = $1', [photo.hash]);
    expect(done).toMatchObject({ complete: true, n: photo.size });
    again.close();
  }, 60_000);

  it('a download cut off part-way goes on from the bytes this desk already has (an HTTP range)', async () => {
    const { laptop, photo } = await deskWithVisitPhoto('U');
    const ranges: Array<string | null> = [];
    const branch = await enrolledDesk('resumer', server.url, await joinCode(server.sql, 'BJ01', 'D'), {
      fetch: (url, init) => {
        if (url.endsWith(`/attachments/${photo.hash}`)) ranges.push(init?.headers?.range ?? null);
        return fetch(url, init);
      },
    });
    expect((await syncNow(laptop)).ok).toBe(true);
    // What a desk killed mid-download leaves: the first part of the file beside the database.
    const held = ok(laptop.desk, laptop.session, 'attachment.get', { hash: photo.hash });
    const original = Buffer.from(held.state === 'present' ? held.data : '', 'base64');
    const part = join(dirname(branch.desk.db.name), 'attachments', photo.hash.slice(0, 2), `${photo.hash}.part`);
    mkdirSync(dirname(part), { recursive: true });
    writeFileSync(part, original.subarray(0, 10_000));
    expect((await syncNow(branch)).ok).toBe(true);
    expect(ranges).toEqual(['bytes=10000-']);
    const got = ok(branch.desk, branch.session, 'attachment.get', { hash: photo.hash });
    expect(got.state === 'present' && Buffer.from(got.data, 'base64').equals(original)).toBe(true);
    laptop.desk.close();
    branch.desk.close();
  }, 60_000);

  it('a desk told "too many requests" mid-upload waits as the server says and finishes in the same round', async () => {
    const statuses: number[] = [];
    const { laptop, photo } = await deskWithVisitPhoto('R');
    const dataDir = dirname(laptop.desk.db.name);
    laptop.desk.close();
    // The same desk with small chunks: a hundred and more requests in a second or two, past the per-device limit.
    const eager = openTestDesk(dataDir, undefined, {
      sync: {
        attachmentChunkBytes: 2 * 1024,
        fetch: async (url, init) => {
          const response = await fetch(url, init);
          if (init?.method === 'PUT') statuses.push(response.status);
          return response;
        },
      },
    });
    const session = ok(eager, undefined, 'auth.signIn', { staffId: laptop.staffId, pin: '900001' }).session;
    expect((await syncNow({ ...laptop, desk: eager, session })).ok).toBe(true);
    expect(statuses).toContain(429);
    const [stored] = await server.sql.query<{ complete: boolean }>('SELECT complete FROM attachments WHERE hash = $1', [photo.hash]);
    expect(stored?.complete).toBe(true);
    eager.close();
  }, 60_000);

  it('refuses bytes that do not hash to the name they are sent under, and keeps none of them', async () => {
    const desk = await enrolledDesk('forger', server.url, await joinCode(server.sql, 'BJ01', 'F'));
    const tech = ok(desk.desk, desk.session, 'staff.enrol', { name: '钱工', role: 'technician', pin: '300002' });
    const caseId = ok(desk.desk, desk.session, 'case.create', complaint('李先生', '空调不制冷', '13900139000')).id;
    const workOrderId = newId();
    const now = Date.now();
    await act(desk, caseId, 'work_order_created', { workOrderId, technicianId: tech.id, windowStart: new Date(now).toISOString(), windowEnd: new Date(now + 3_600_000).toISOString(), address: '浦东新区', phone: '13900139000' });
    const techSession = ok(desk.desk, undefined, 'auth.signIn', { staffId: tech.id, pin: '300002' }).session;
    const t = { desk: desk.desk, session: techSession };
    await act(t, caseId, 'work_order_arrived', { workOrderId });
    const photo = ok(desk.desk, techSession, 'attachment.add', { mediaType: 'image/jpeg', data: base64(jpegWithGps(newId())) });
    await act(t, caseId, 'work_order_photo_added', { workOrderId, stage: 'before', attachment: photo });
    expect((await syncNow(desk)).ok).toBe(true);
    const token = readJson<SyncConfig>(desk.desk.db, 'meta', 'sync.config')!.token;
    const [ref] = await server.sql.query<{ complete: boolean }>('SELECT complete FROM attachments WHERE hash = $1', [photo.hash]);
    expect(ref?.complete).toBe(true);
    // A second upload under another file's name with wrong bytes: the size matches, the hash does not.
    const other = ok(desk.desk, techSession, 'attachment.add', { mediaType: 'image/jpeg', data: base64(jpegWithGps(newId())) });
    await act(t, caseId, 'work_order_photo_added', { workOrderId, stage: 'after', attachment: other });
    desk.desk.db.prepare('UPDATE attachment_files SET uploaded = 1 WHERE hash = ?').run(other.hash);
    expect((await syncNow(desk)).ok).toBe(true);
    const forged = await fetch(`${server.url}/v1/attachments/${other.hash}?offset=0&size=${other.size}&type=image%2Fjpeg`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(other.size),
    });
    expect(forged.status).toBe(422);
    const [kept] = await server.sql.query<{ received: number; complete: boolean; n: number | null }>('SELECT received, complete, length(data) AS n FROM attachments WHERE hash = $1', [other.hash]);
    expect(kept).toMatchObject({ received: 0, complete: false, n: null });
    expect(await server.sql.query('SELECT 1 FROM attachment_chunks WHERE hash = $1', [other.hash])).toEqual([]);
    desk.desk.close();
  }, 60_000);
});
