import { statement } from './statements.js';
import type { Db } from './open.js';
import type { AttachmentRef } from '../shared/workOrder.js';

/** A file this desk holds; `uploaded` once the server has all of it. */
export function recordAttachmentFile(db: Db, ref: AttachmentRef, uploaded: boolean, at: number): void {
  statement(db, 'INSERT INTO attachment_files (hash, media_type, size, uploaded, stored_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (hash) DO UPDATE SET uploaded = max(uploaded, excluded.uploaded)').run(
    ref.hash,
    ref.mediaType,
    ref.size,
    uploaded ? 1 : 0,
    at,
  );
}

export function forgetAttachmentFile(db: Db, hash: string): void {
  statement(db, 'DELETE FROM attachment_files WHERE hash = ?').run(hash);
}

export function attachmentFile(db: Db, hash: string): (AttachmentRef & { uploaded: boolean }) | null {
  const row = statement(db, 'SELECT hash, media_type, size, uploaded FROM attachment_files WHERE hash = ?').get(hash) as
    | { hash: string; media_type: AttachmentRef['mediaType']; size: number; uploaded: number }
    | undefined;
  return row ? { hash: row.hash, mediaType: row.media_type, size: row.size, uploaded: row.uploaded === 1 } : null;
}

export function markUploaded(db: Db, hash: string): void {
  statement(db, 'UPDATE attachment_files SET uploaded = 1 WHERE hash = ?').run(hash);
}

/**
 * Files made here that the log refers to and the server does not have yet, oldest first: a cut
 * connection resumes the file it was sending, not whichever one an index happens to list first.
 */
export function attachmentsToUpload(db: Db): AttachmentRef[] {
  return statement(db, 'SELECT f.hash, f.media_type AS mediaType, f.size FROM attachment_files f WHERE f.uploaded = 0 AND EXISTS (SELECT 1 FROM attachment_refs r WHERE r.hash = f.hash) ORDER BY f.stored_at, f.rowid').all() as AttachmentRef[];
}

/** Files the log refers to that this desk does not hold yet (kept by migration 18's triggers). */
export function attachmentsToDownload(db: Db): AttachmentRef[] {
  return statement(db, 'SELECT hash, media_type AS mediaType, size FROM attachments_missing').all() as AttachmentRef[];
}
