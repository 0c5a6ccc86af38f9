import { gzipSync } from 'node:zlib';
import type { Db } from '../../db/open.js';
import { recordEvents } from '../../db/eventStore.js';
import { countWaiting, grantsByIds, latestRefusals, localEventsAfter, recordRefusals } from '../../db/syncQueries.js';
import { readJson, writeJson } from '../../db/localState.js';
import { EnrolResponse, type EnrolRequest, MAX_BATCH_BYTES, MAX_PULL_EVENTS, MAX_PUSH_EVENTS, PullResponse, PushResponse, SYNC_API, textsWithin } from '../../shared/sync.js';
import type { Clock } from './clock.js';
import { DeskError } from './deskError.js';
import type { EventWriter } from './eventWriter.js';
import type { AttachmentSync } from './attachmentSync.js';

/**
 * The desk side of sync: push the events made here, pull everyone else's after a cursor, and keep
 * the cursor with the pulled events in one transaction so a crash never skips or repeats work.
 */
export interface SyncConfig {
  serverUrl: string;
  deviceId: string;
  token: string;
  branch: string;
  deviceCode: string;
  scope: 'branch' | 'hq';
  /** The server's X25519 key: session grants seal their MAC keys to it. */
  serverKey: string;
}

export interface SyncStatus {
  configured: boolean;
  serverUrl: string | null;
  online: boolean;
  syncing: boolean;
  lastSyncAt: number | null;
  lastError: string | null;
  waiting: number;
  refused: Array<{ eventId: string; type: string; reason: string }>;
  /** A received event was stamped far ahead of this desk's clock: the clock may be wrong. */
  skewWarning: boolean;
  attachmentsUp: number;
  attachmentsDown: number;
}

const PUSH_BATCH = MAX_PUSH_EVENTS;

export type Fetch = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array<ArrayBuffer>; signal?: AbortSignal },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown>; arrayBuffer(): Promise<ArrayBuffer>; headers?: { get(name: string): string | null } }>;

/** Bodies smaller than this go as they are: gzip's header and a round of work are not worth it. */
const COMPRESS_FROM_BYTES = 1024;

export interface SyncOptions {
  fetch?: Fetch;
  /** Events per pull page (the server caps it too). */
  pullPage?: number;
  /** Called after each pulled page is stored (tests use it to kill a desk mid-pull). */
  onPulledPage?: (count: number) => void;
  /** Bytes per attachment chunk, and a hook after each (tests cut a transfer off with it). */
  attachmentChunkBytes?: number;
  onAttachmentChunk?: (hash: string, sent: number) => void;
}

export function createSyncClient(db: Db, writer: EventWriter, clock: Clock, attachments: AttachmentSync, options: SyncOptions = {}) {
  const fetchImpl = options.fetch ?? (fetch as unknown as Fetch);
  const pullPage = options.pullPage ?? MAX_PULL_EVENTS;
  const config = () => readJson<SyncConfig>(db, 'meta', 'sync.config') ?? null;
  const pushedSeq = () => readJson<number>(db, 'meta', 'sync.pushedSeq') ?? 0;
  const cursor = () => readJson<number>(db, 'meta', 'sync.cursor') ?? 0;
  /**
   * The highest sequence number the server gave events pushed from this file: those are in its log.
   * Kept in the same file, so a desk restored from a backup pulls back its own later events.
   */
  const ownUpTo = () => readJson<number>(db, 'meta', 'sync.ownUpTo') ?? 0;
  const state = { online: false, syncing: false, lastSyncAt: readJson<number>(db, 'meta', 'sync.lastSyncAt') ?? null, lastError: null as string | null, skewWarning: false };

  /** Whether the server said (RFC 7694's Accept-Encoding in an answer) that it takes gzipped bodies. */
  let serverTakesGzip = false;

  /** One call to the server (`json`: a body already serialized); a non-2xx answer throws an error carrying its HTTP status. */
  const request = async (server: string, path: string, init: { method?: string; body?: unknown; json?: string } = {}, token?: string) => {
    const json = init.json ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    const gzip = json !== undefined && serverTakesGzip && json.length >= COMPRESS_FROM_BYTES;
    const response = await fetchImpl(`${server}${SYNC_API}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(gzip ? { 'content-encoding': 'gzip' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(json !== undefined ? { body: gzip ? new Uint8Array(gzipSync(json)) : json } : {}),
      signal: AbortSignal.timeout(15_000),
    });
    if (/\bgzip\b/.test(response.headers?.get('accept-encoding') ?? '')) serverTakesGzip = true;
    const body = await response.json();
    if (!response.ok) {
      const { message, error } = body as { message?: string; error?: string };
      throw Object.assign(new Error(message ?? `HTTP ${response.status}`), { status: response.status, error });
    }
    return body;
  };


  async function push(cfg: SyncConfig): Promise<void> {
    for (;;) {
      const waiting = localEventsAfter(db, pushedSeq(), PUSH_BATCH);
      if (!waiting.length) return;
      const json = textsWithin(waiting.map((r) => JSON.stringify(r.event)), MAX_BATCH_BYTES);
      const sent = waiting.slice(0, json.length);
      const grants = grantsByIds(db, [...new Set(sent.flatMap(({ event: e }) => (e.proof && 'grant' in e.proof ? [e.proof.grant] : [])))]);
      const body = `{"events":[${json.join(',')}],"grants":${JSON.stringify(grants)}}`;
      const answer = PushResponse.parse(await request(cfg.serverUrl, '/push', { method: 'POST', json: body }, cfg.token));
      const now = clock.now();
      db.transaction(() => {
        recordRefusals(db, answer.refused, now);
        writeJson(db, 'meta', 'sync.pushedSeq', sent[sent.length - 1]!.seq);
        if (answer.storedUpTo && answer.storedUpTo > ownUpTo()) writeJson(db, 'meta', 'sync.ownUpTo', answer.storedUpTo);
      })();
    }
  }

  async function pull(cfg: SyncConfig): Promise<{ received: number; cases: Set<string> }> {
    let received = 0;
    const cases = new Set<string>();
    const mine = ownUpTo();
    const fetchPage = (after: number) => request(cfg.serverUrl, `/pull?after=${after}&limit=${pullPage}&mine=${mine}`, {}, cfg.token).then((body) => PullResponse.parse(body));
    let coming = fetchPage(cursor());
    for (;;) {
      const page = await coming;
      // The next page is asked for before this one is stored: the server reads and sends it while the
      // desk writes (a new desk's first pull of 30,000 events from a server process on PostgreSQL,
      // median of six: 6.0 → 4.7 s). The cursor still moves only with the events stored, in their
      // transaction, so a crash between the two never skips a page.
      if (page.more) {
        coming = fetchPage(page.next);
        // Seen now, so a failure while this page is stored is not also an unhandled rejection.
        coming.catch(() => undefined);
      }
      if (page.events.length) {
        db.transaction(() => {
          recordEvents(db, page.events.map(({ seq: _seq, ...event }) => event), 'server');
          writeJson(db, 'meta', 'sync.cursor', page.next);
        })();
        const latest = page.events.reduce((max, e) => (e.hlc > max ? e.hlc : max), '');
        if (!writer.observe(latest)) state.skewWarning = true;
        received += page.events.length;
        for (const e of page.events) if (e.entity === 'complaint') cases.add(e.entityId);
        options.onPulledPage?.(page.events.length);
      }
      if (!page.more) return { received, cases };
    }
  }

  return {
    config,
    /**
     * Asks the server whether a central staff member's password is right: 'unreachable' when the
     * server cannot answer (the desk then checks the hash it holds, for offline sign-in).
     */
    async signInCentral(staffId: string, password: string): Promise<'ok' | 'wrong' | 'unreachable'> {
      const cfg = config();
      if (!cfg) return 'unreachable';
      try {
        await request(cfg.serverUrl, '/staff/signin', { method: 'POST', body: { staffId, password } }, cfg.token);
        return 'ok';
      } catch (error) {
        return (error as { status?: number }).status === 401 ? 'wrong' : 'unreachable';
      }
    },
    /** Enrols this desk with a one-time code, which must be for the branch and desk it was set up as. */
    async enrol(serverUrl: string, code: string, desk: EnrolRequest['desk'], firstManager: EnrolRequest['firstManager']): Promise<SyncConfig> {
      const base = serverUrl.replace(/\/$/, '');
      let answer: EnrolResponse;
      try {
        answer = EnrolResponse.parse(await request(base, '/enrol', { method: 'POST', body: { code, desk, firstManager } satisfies EnrolRequest }));
      } catch (error) {
        const { status, error: why } = error as { status?: number; error?: string };
        if (status === undefined) throw new DeskError('offline', 'the sync server cannot be reached');
        const reason = why === 'identity_mismatch' || why === 'desk_taken' ? why : 'bad_code';
        throw new DeskError('refused', `the server refused the enrolment: ${reason}`, { reason });
      }
      const cfg: SyncConfig = { serverUrl: base, ...answer };
      writeJson(db, 'meta', 'sync.config', cfg);
      return cfg;
    },
    /** One full round: push everything waiting, then pull until the server has nothing more. */
    async syncOnce(): Promise<{ received: number; cases: Set<string> }> {
      const cfg = config();
      if (!cfg) throw new DeskError('invalid_request', 'sync is not set up on this desk');
      state.syncing = true;
      try {
        await push(cfg);
        const { received, cases } = await pull(cfg);
        // After the events: the server takes a file only once an event it holds refers to it.
        const transfer = { fetch: fetchImpl, serverUrl: cfg.serverUrl, token: cfg.token, ...(options.attachmentChunkBytes ? { chunkBytes: options.attachmentChunkBytes } : {}), ...(options.onAttachmentChunk ? { onChunk: options.onAttachmentChunk } : {}) };
        await attachments.upload(transfer);
        await attachments.download(transfer);
        state.online = true;
        state.lastError = null;
        state.lastSyncAt = clock.now();
        writeJson(db, 'meta', 'sync.lastSyncAt', state.lastSyncAt);
        return { received, cases };
      } catch (error) {
        state.online = false;
        state.lastError = error instanceof Error ? error.message : String(error);
        throw error instanceof DeskError ? error : new DeskError('offline', state.lastError);
      } finally {
        state.syncing = false;
      }
    },
    status(): SyncStatus {
      const cfg = config();
      return { configured: cfg !== null, serverUrl: cfg?.serverUrl ?? null, ...state, waiting: cfg ? countWaiting(db, pushedSeq()) : 0, refused: latestRefusals(db), ...attachments.counts() };
    },
  };
}
export type SyncClient = ReturnType<typeof createSyncClient>;

/** Retries with exponential backoff and jitter; a success resets the wait. */
export function startSyncLoop(client: SyncClient, onDone: (pulled: { received: number; cases: Set<string> }) => void, baseMs = 30_000): () => void {
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (stopped) return;
    const backoff = failures ? Math.min(15 * 60_000, baseMs * 2 ** Math.min(failures, 5)) : baseMs;
    timer = setTimeout(run, backoff * (0.8 + Math.random() * 0.4));
    timer.unref?.();
  };
  const run = () => {
    if (!client.config()) return schedule();
    client
      .syncOnce()
      .then((pulled) => {
        failures = 0;
        onDone(pulled);
      })
      .catch(() => {
        failures += 1;
        onDone({ received: 0, cases: new Set() });
      })
      .finally(schedule);
  };
  run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
