import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ok, openTeamDesk } from '../../fixtures/desk.js';
import { contains, GPS_MARK, jpegWithGps, pngWithText } from '../../fixtures/images.js';
import { sniffImageType, stripImageMetadata } from '../../../shared/imageMetadata.js';
import type { OpenDesk } from '../../../electron/core/openDesk.js';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const files = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : []);

describe('photos and signatures on the desk', () => {
  let desk: OpenDesk | undefined;
  afterEach(() => desk?.close());

  it('removes Exif (GPS), comments and text chunks, keeping the image data byte for byte', () => {
    const jpeg = jpegWithGps();
    expect(contains(jpeg, GPS_MARK)).toBe(true);
    const clean = stripImageMetadata(jpeg, 'image/jpeg')!;
    expect(contains(clean, GPS_MARK)).toBe(false);
    expect(contains(clean, '王女士')).toBe(false);
    expect(contains(clean, 'JFIF')).toBe(true);
    expect(Buffer.from(clean.subarray(-10)).equals(Buffer.from(jpeg.subarray(-10)))).toBe(true);
    const png = stripImageMetadata(pngWithText(), 'image/png')!;
    expect(contains(png, GPS_MARK)).toBe(false);
    expect(contains(png, 'IDAT')).toBe(true);
    expect(sniffImageType(png)).toBe('image/png');
  });

  it('stores by the hash of the cleaned bytes; the file holds no location; a damaged file reads as missing', () => {
    const made = openTeamDesk();
    desk = made.desk;
    const { technician } = made.team;
    const ref = ok(desk, technician.session, 'attachment.add', { mediaType: 'image/jpeg', data: base64(jpegWithGps()) });
    expect(ref).toMatchObject({ mediaType: 'image/jpeg', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const got = ok(desk, technician.session, 'attachment.get', { hash: ref.hash });
    expect(got.state).toBe('present');
    const bytes = Buffer.from(got.state === 'present' ? got.data : '', 'base64');
    expect(bytes.length).toBe(ref.size);
    expect(contains(bytes, GPS_MARK)).toBe(false);
    // The same photo again is the same file.
    expect(ok(desk, technician.session, 'attachment.add', { mediaType: 'image/jpeg', data: base64(jpegWithGps()) }).hash).toBe(ref.hash);

    const path = join(made.dataDir, 'attachments', ref.hash.slice(0, 2), ref.hash);
    writeFileSync(path, bytes.subarray(0, bytes.length - 5));
    expect(ok(desk, technician.session, 'attachment.get', { hash: ref.hash })).toEqual({ state: 'missing' });
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a 50 MB file and a file that is not the image it claims to be, storing nothing', () => {
    const made = openTeamDesk();
    desk = made.desk;
    const { technician } = made.team;
    const dir = join(made.dataDir, 'attachments');
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set(jpegWithGps().subarray(0, 20));
    const tooBig = desk.dispatch('attachment.add', { mediaType: 'image/jpeg', data: base64(big) }, technician.session);
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'too_large' } });
    const fake = desk.dispatch('attachment.add', { mediaType: 'image/png', data: base64(jpegWithGps()) }, technician.session);
    expect(fake).toMatchObject({ ok: false, error: { code: 'unsupported_type' } });
    const text = desk.dispatch('attachment.add', { mediaType: 'image/jpeg', data: base64(new TextEncoder().encode('not an image at all')) }, technician.session);
    expect(text).toMatchObject({ ok: false, error: { code: 'unsupported_type' } });
    expect(files(dir)).toEqual([]);
    expect(desk.db.prepare('SELECT count(*) AS n FROM attachment_files').get()).toEqual({ n: 0 });
  });
});
