import type { Db } from '../../db/open.js';
import { attachmentsToDownload, attachmentsToUpload, markUploaded } from '../../db/attachmentQueries.js';
import { SYNC_API } from '../../shared/sync.js';
import type { AttachmentStore } from './attachmentStore.js';
import type { Fetch } from './syncClient.js';

/** Bytes per request: a dropped connection costs at most this much again. */
export const ATTACHMENT_CHUNK_BYTES = 512 * 1024;

export interface AttachmentTransfer {
  fetch: Fetch;
  serverUrl: string;
  token: string;
  chunkBytes?: number;
  /** Called after each chunk reached the server (tests cut a transfer off here). */
  onChunk?: (hash: string, sent: number) => void;
}

/** Times a chunk is tried again after the server said "too many requests" before the round gives up. */
const RATE_LIMIT_RETRIES = 5;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The server's Retry-After (seconds), capped: a day of photos goes up at the pace the server allows. */
const retryAfterMs = (response: { headers?: { get(name: string): string | null } }) => Math.min(10_000, Math.max(200, Number(response.headers?.get('retry-after') ?? 1) * 1000));

/**
 * Photos and signatures travel beside the events, by hash, in chunks that resume where the last
 * transfer stopped: the server keeps what it received; a desk keeps a `.part` file of a download.
 */
export function createAttachmentSync(db: Db, store: AttachmentStore) {
  const url = (t: AttachmentTransfer, path: string) => `${t.serverUrl}${SYNC_API}/attachments/${path}`;
  const auth = (t: AttachmentTransfer) => ({ authorization: `Bearer ${t.token}` });

  async function upload(t: AttachmentTransfer): Promise<number> {
    const chunkBytes = t.chunkBytes ?? ATTACHMENT_CHUNK_BYTES;
    let done = 0;
    for (const ref of attachmentsToUpload(db)) {
      const bytes = store.read(ref.hash);
      if (!bytes) continue;
      const status = await t.fetch(url(t, `${ref.hash}/status`), { headers: auth(t), signal: AbortSignal.timeout(15_000) });
      // Not known to the server yet (the event that refers to it has not reached it): next round.
      if (!status.ok) continue;
      let { received, complete } = (await status.json()) as { received: number; complete: boolean };
      let retries = 0;
      while (!complete) {
        const chunk = bytes.subarray(received, received + chunkBytes);
        const query = `offset=${received}&size=${ref.size}&type=${encodeURIComponent(ref.mediaType)}`;
        const answer = await t.fetch(url(t, `${ref.hash}?${query}`), {
          method: 'PUT',
          headers: { ...auth(t), 'content-type': 'application/octet-stream' },
          body: new Uint8Array(chunk),
          signal: AbortSignal.timeout(60_000),
        });
        const body = (await answer.json()) as { received?: number; complete?: boolean; error?: string };
        if (answer.status === 429 && retries++ < RATE_LIMIT_RETRIES) {
          await wait(retryAfterMs(answer));
          continue;
        }
        // 409: the server holds a different amount (an earlier transfer's answer was lost); go on from there.
        if (!answer.ok && answer.status !== 409) throw Object.assign(new Error(body.error ?? `HTTP ${answer.status}`), { status: answer.status });
        received = body.received ?? 0;
        complete = body.complete ?? false;
        t.onChunk?.(ref.hash, received);
      }
      markUploaded(db, ref.hash);
      done += 1;
    }
    return done;
  }

  async function download(t: AttachmentTransfer): Promise<number> {
    let done = 0;
    for (const ref of attachmentsToDownload(db)) {
      let have = store.partialSize(ref.hash);
      if (have >= ref.size) {
        store.dropPartial(ref.hash);
        have = 0;
      }
      const response = await t.fetch(url(t, ref.hash), { headers: { ...auth(t), ...(have ? { range: `bytes=${have}-` } : {}) }, signal: AbortSignal.timeout(60_000) });
      // Not uploaded yet by the desk that made it, or not this desk's to see: nothing to do now.
      if (!response.ok) continue;
      // A server that ignores the range sends the whole file: start the part again.
      if (response.status === 200) store.dropPartial(ref.hash);
      store.appendPartial(ref.hash, new Uint8Array(await response.arrayBuffer()));
      if (store.partialSize(ref.hash) >= ref.size && store.completeDownload(ref)) done += 1;
    }
    return done;
  }

  return {
    upload,
    download,
    counts: () => ({ attachmentsUp: attachmentsToUpload(db).length, attachmentsDown: attachmentsToDownload(db).length }),
  };
}
export type AttachmentSync = ReturnType<typeof createAttachmentSync>;
