import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../../db/open.js';
import { attachmentFile, forgetAttachmentFile, recordAttachmentFile } from '../../db/attachmentQueries.js';
import { sniffImageType, stripImageMetadata } from '../../shared/imageMetadata.js';
import { HASH_PATTERN, MAX_ATTACHMENT_BYTES, type AttachmentMediaType, type AttachmentRef } from '../../shared/workOrder.js';
import type { Clock } from './clock.js';
import { DeskError } from './deskError.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Photos and signatures, content-addressed (sha256) in a folder beside the desk database, never
 * inside events. Every read checks the hash: a damaged or cut-short file is dropped and fetched
 * again from the server, never shown as if it were the customer's signature.
 */
export function createAttachmentStore(db: Db, clock: Clock, dir = join(dirname(db.name), 'attachments')) {
  const pathOf = (hash: string) => {
    if (!HASH_PATTERN.test(hash)) throw new DeskError('invalid_request', 'not an attachment hash');
    return join(dir, hash.slice(0, 2), hash);
  };
  const partOf = (hash: string) => `${pathOf(hash)}.part`;

  /** Writes verified bytes under their hash: a temporary file renamed into place, so a crash leaves no half file. */
  const place = (hash: string, bytes: Uint8Array) => {
    const path = pathOf(hash);
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  };

  const read = (hash: string): Uint8Array | null => {
    const path = pathOf(hash);
    if (!existsSync(path)) {
      forgetAttachmentFile(db, hash);
      return null;
    }
    const bytes = readFileSync(path);
    if (sha256(bytes) !== hash) {
      rmSync(path, { force: true });
      forgetAttachmentFile(db, hash);
      return null;
    }
    return bytes;
  };

  return {
    /**
     * Stores a photo or signature made on this desk: type checked by its bytes, size limited, its
     * metadata (Exif GPS and the like) removed before it is hashed.
     */
    add(bytes: Uint8Array, claimed: AttachmentMediaType): AttachmentRef {
      if (bytes.length > MAX_ATTACHMENT_BYTES) throw new DeskError('too_large', `an attachment may be at most ${MAX_ATTACHMENT_BYTES} bytes`);
      const type = sniffImageType(bytes);
      if (!type || type !== claimed) throw new DeskError('unsupported_type', 'only JPEG photos and PNG signatures are taken');
      const clean = stripImageMetadata(bytes, type);
      if (!clean) throw new DeskError('unsupported_type', 'the image is damaged');
      const ref: AttachmentRef = { hash: sha256(clean), mediaType: type, size: clean.length };
      if (!attachmentFile(db, ref.hash) || !existsSync(pathOf(ref.hash))) {
        place(ref.hash, clean);
        recordAttachmentFile(db, ref, false, clock.now());
      }
      return ref;
    },
    /** The file's bytes, or null when this desk does not hold it (yet) or it failed its hash. */
    read,
    has: (hash: string) => attachmentFile(db, hash) !== null && existsSync(pathOf(hash)),
    /** Bytes of a download so far: a transfer cut off goes on from here. */
    partialSize: (hash: string) => (existsSync(partOf(hash)) ? statSync(partOf(hash)).size : 0),
    appendPartial(hash: string, chunk: Uint8Array) {
      mkdirSync(dirname(partOf(hash)), { recursive: true });
      appendFileSync(partOf(hash), chunk);
    },
    /** Ends a download: kept only when the bytes are what the log refers to; else dropped to be fetched again. */
    completeDownload(ref: AttachmentRef): boolean {
      const part = partOf(ref.hash);
      const bytes = existsSync(part) ? readFileSync(part) : new Uint8Array();
      rmSync(part, { force: true });
      if (bytes.length !== ref.size || sha256(bytes) !== ref.hash) return false;
      place(ref.hash, bytes);
      recordAttachmentFile(db, ref, true, clock.now());
      return true;
    },
    dropPartial: (hash: string) => rmSync(partOf(hash), { force: true }),
  };
}
export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
