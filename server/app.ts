import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EnrolRequest, MAX_BATCH_BYTES, MAX_BODY_BYTES, MAX_PULL_EVENTS, PushRequest, StaffSignIn, SYNC_API, textsWithin, type PushResponse } from '../shared/sync.js';
import { verifyPassword } from '../shared/password.js';
import type { EventEnvelope } from '../shared/events.js';
import type { SessionGrant } from '../shared/proof.js';
import { checkEvent, loadBatchState, REFERENCE_ENTITIES, registerFirstManager, saveBatchState, type Device } from './eventChecks.js';
import { postgresRateStore } from './rateLimitStore.js';
import { serverKeys } from './schema.js';
import { recordAttachmentRefs, registerAttachmentRoutes } from './attachments.js';
import type { Sql } from './sql.js';

/**
 * The central sync server: devices enrol with a one-time code, push their events (idempotent,
 * branch-scoped, checked as a whole batch before anything is stored) and pull everyone else's
 * in server-sequence order within their scope.
 */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const RATE_PER_SECOND = 50;
const HINT_RECHECK_MS = 30_000;
/** Every server process LISTENs here; a push stored by any of them NOTIFYs it on commit. */
const STORED_CHANNEL = 'calmdesk_events_stored';

const ENROL_REFUSALS = {
  bad_code: [403, 'the enrolment code is unknown or was already used'],
  identity_mismatch: [409, 'the code is for another branch or desk than this desk was set up as'],
  desk_taken: [409, 'another live desk has this desk code; revoke it first'],
  manager_conflict: [409, 'the first manager named is already known with another key or branch'],
} as const;

export interface ServerOptions {
  sql: Sql;
  logger?: boolean;
  /** Enrolment attempts per minute from one address: one-time codes must not be guessable by trying. */
  enrolPerMinute?: number;
  /** Behind a load balancer: take the client's address from X-Forwarded-For (the enrolment limit counts per address). */
  trustProxy?: boolean;
  /** Requests per second from one desk, counted across every server process. */
  devicePerSecond?: number;
}

function refuse(reply: FastifyReply, status: number, error: string, message: string) {
  return reply.code(status).send({ error, message });
}

/**
 * One page of a pull, with its parameters. Each part walks an index in `seq` order and stops at the
 * page's end (an `OR` of "this branch or none" read every later row of the branch and sorted them:
 * 50,000 rows for a page of 1,000).
 */
function pullPageQuery(device: Device, after: number, limit: number, mine: number): [string, unknown[]] {
  const part = (where: string) => `(SELECT * FROM events WHERE ${where} seq > $1 AND NOT (from_device = $3 AND seq <= $4) ORDER BY seq LIMIT $2)`;
  const hq = device.scope === 'hq';
  const rows = hq ? part('') : `${part('branch = $5 AND')} UNION ALL ${part('branch IS NULL AND')}`;
  const text = `SELECT seq, id, entity, entity_id, type, payload::text AS payload, actor, actor_role, device, hlc, schema
    FROM (SELECT * FROM (${rows}) AS taken ORDER BY seq LIMIT $2) AS page ORDER BY seq`;
  return [text, [after, limit, device.id, mine, ...(hq ? [] : [device.branch])]];
}

interface PulledRow { seq: string; id: string; entity: string; entity_id: string; type: string; payload: string; actor: string; actor_role: string; device: string; hlc: string; schema: number }

/** An event as a desk reads it, its payload passed through as the database wrote it: parsing and serializing it again made most of a page's garbage. */
function pulledJson(r: PulledRow): string {
  const q = JSON.stringify;
  return `{"seq":${r.seq},"id":${q(r.id)},"entity":${q(r.entity)},"entityId":${q(r.entity_id)},"type":${q(r.type)},"payload":${r.payload},` +
    `"actor":${q(r.actor)},"actorRole":${q(r.actor_role)},"device":${q(r.device)},"hlc":${q(r.hlc)},"schema":${r.schema}}`;
}

export function buildServer({ sql, logger = false, enrolPerMinute = 10, trustProxy = false, devicePerSecond = RATE_PER_SECOND }: ServerOptions): FastifyInstance {
  const app = Fastify({ logger, bodyLimit: MAX_BODY_BYTES, trustProxy });
  // Per-route limits, counted in PostgreSQL so that several server processes share them: enrolment
  // per address (codes must not be guessable by trying), everything else per device token (a runaway
  // desk cannot starve the others).
  void app.register(rateLimit, {
    global: false,
    store: postgresRateStore(sql),
    errorResponseBuilder: (_request, context) => ({
      statusCode: context.statusCode,
      error: 'rate_limited',
      message: `too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });
  const perDevice = {
    rateLimit: { max: devicePerSecond, timeWindow: 1_000, keyGenerator: (request: FastifyRequest) => `device:${sha256(request.headers.authorization ?? '')}` },
  };
  // Pages of events are JSON that gzip shrinks to a fraction: answers are compressed when the desk
  // accepts it, and pushed batches may arrive gzipped. The body limit applies to the unpacked body.
  void app.register(compress, { encodings: ['gzip'], requestEncodings: ['gzip'], threshold: 1024 });
  // RFC 7694: say in every answer which codings a request body may use, so desks know they may compress.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('accept-encoding', 'gzip');
  });
  const listeners = new Set<() => void>();
  let unlisten: (() => Promise<void>) | undefined;
  app.addHook('onReady', async () => {
    unlisten = await sql.listen(STORED_CHANNEL, () => {
      for (const notify of listeners) notify();
    });
  });
  app.addHook('onClose', async () => unlisten?.());

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 429) return refuse(reply, 429, 'rate_limited', error.message);
    if (status === 413) return refuse(reply, 413, 'too_large', 'request body too large');
    if (status >= 400 && status < 500) return refuse(reply, status, 'bad_request', 'malformed request: the body must be JSON');
    app.log.error({ err: error.name }, 'request failed');
    return refuse(reply, 500, 'internal', 'the server could not complete the request; nothing was stored');
  });

  async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<Device | null> {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const [device] = token
      ? await sql.query<Device>('SELECT id, branch, device_code, scope, desk_device_id FROM devices WHERE token_hash = $1 AND NOT revoked AND expires_at > now()', [sha256(token)])
      : [];
    if (!device) {
      await refuse(reply, 401, 'unauthorized', 'unknown, revoked, expired or missing device token');
      return null;
    }
    return device;
  }

  // The routes load after the compression plugin: a plugin's hooks reach only the routes declared after it.
  void app.register(async (app) => {
    app.get(`${SYNC_API}/health`, async () => {
      await sql.query('SELECT 1');
      return { ok: true };
    });

    // Registered after the rate-limit plugin has loaded, so its limit applies to this route.
    void app.register(async (scoped) => {
      scoped.post(`${SYNC_API}/enrol`, { config: { rateLimit: { max: enrolPerMinute, timeWindow: 60_000, keyGenerator: (request) => `enrol:${request.ip}` } } }, async (request, reply) => {
        const body = EnrolRequest.safeParse(request.body);
        if (!body.success) return refuse(reply, 400, 'bad_request', 'an enrolment code, the desk and its first manager are required');
        const { code, desk, firstManager } = body.data;
        const token = randomBytes(32).toString('base64url');
        const { publicKey: serverKey } = await serverKeys(sql);
        const outcome = await sql
          .transaction(async (tx) => {
            const [found] = await tx.query<{ branch: string; device_code: string; scope: 'branch' | 'hq' }>(
              'SELECT branch, device_code, scope FROM enrolment_codes WHERE code_hash = $1 AND used_at IS NULL FOR UPDATE',
              [sha256(code)],
            );
            if (!found) return { refused: 'bad_code' as const, device: null };
            // The desk already issues case numbers under its codes: the code must be for exactly that desk.
            if (found.branch !== desk.branch || found.device_code !== desk.deviceCode) return { refused: 'identity_mismatch' as const, device: null };
            const [taken] = await tx.query('SELECT 1 FROM devices WHERE branch = $1 AND device_code = $2 AND NOT revoked', [found.branch, found.device_code]);
            if (taken) return { refused: 'desk_taken' as const, device: null };
            // The code vouches for the desk's first manager: their key proves everyone they enrol after.
            if (!(await registerFirstManager(tx, found.branch, firstManager))) return { refused: 'manager_conflict' as const, device: null };
            await tx.query('UPDATE enrolment_codes SET used_at = now() WHERE code_hash = $1', [sha256(code)]);
            const id = randomUUID();
            await tx.query('INSERT INTO devices (id, branch, device_code, scope, token_hash, desk_device_id) VALUES ($1, $2, $3, $4, $5, $6)', [
              id,
              found.branch,
              found.device_code,
              found.scope,
              sha256(token),
              desk.deviceId,
            ]);
            return { refused: null, device: { id, ...found } };
          })
          // Two codes for one desk used at the same moment through two server processes: the live-desk index decides.
          .catch((error: { constraint?: string }) => {
            if (error.constraint === 'devices_live_desk') return { refused: 'desk_taken' as const, device: null };
            throw error;
          });
        const { refused, device } = outcome;
        if (refused !== null || !device) {
          const [status, message] = ENROL_REFUSALS[refused ?? 'bad_code'];
          return refuse(reply, status, refused ?? 'bad_code', message);
        }
        return { deviceId: device.id, token, branch: device.branch, deviceCode: device.device_code, scope: device.scope, serverKey };
      });
    });

    app.post(`${SYNC_API}/push`, { config: perDevice }, async (request, reply) => {
      const device = await authenticate(request, reply);
      if (!device) return reply;
      const body = PushRequest.safeParse(request.body);
      if (!body.success) {
        const tooMany = body.error.issues.some((i) => i.code === 'too_big' && i.path.length === 1);
        return refuse(reply, tooMany ? 413 : 400, tooMany ? 'too_large' : 'bad_request', tooMany ? 'too many events in one batch' : 'the batch does not match the protocol');
      }
      const { privateKey } = await serverKeys(sql);
      const result = await sql.transaction(async (tx) => {
        // One push at a time gets sequence numbers, so a puller never skips an event that commits late.
        await tx.query('SELECT pg_advisory_xact_lock(4242)');
        const stored = await storeBatch(tx, device, body.data.events, body.data.grants, privateKey);
        // Delivered at commit to every server process's hint streams, this one's too.
        if (stored.accepted.length) await tx.query('SELECT pg_notify($1, NULL)', [STORED_CHANNEL]);
        return stored;
      });
      return result;
    });

    /** Signs a central staff member in from a desk of their branch (an HQ desk may sign in anyone). */
    app.post(`${SYNC_API}/staff/signin`, { config: perDevice }, async (request, reply) => {
      const device = await authenticate(request, reply);
      if (!device) return reply;
      const body = StaffSignIn.safeParse(request.body);
      if (!body.success) return refuse(reply, 400, 'bad_request', 'staffId and password are required');
      const [staff] = await sql.query<{ id: string; branch: string; password_hash: string; active: boolean }>(
        'SELECT id, branch, password_hash, active FROM staff WHERE id = $1',
        [body.data.staffId],
      );
      const allowed = staff && staff.active && (device.scope === 'hq' || staff.branch === device.branch);
      if (!allowed || !(await verifyPassword(body.data.password, staff.password_hash))) {
        return refuse(reply, 401, 'wrong_password', 'unknown staff or wrong password');
      }
      return { ok: true };
    });

    app.get(`${SYNC_API}/pull`, { config: perDevice }, async (request, reply) => {
      const device = await authenticate(request, reply);
      if (!device) return reply;
      const query = request.query as { after?: string; limit?: string; mine?: string };
      const after = Number(query.after ?? 0);
      const limit = Math.min(MAX_PULL_EVENTS, Number(query.limit ?? MAX_PULL_EVENTS));
      // The desk's own events up to here are in its log already (it pushed them from there).
      const mine = Number(query.mine ?? 0);
      if (![after, limit, mine].every((n) => Number.isSafeInteger(n) && n >= 0) || limit < 1) {
        return refuse(reply, 400, 'bad_request', 'after, limit and mine must be whole numbers');
      }
      // Read first, so every event numbered up to it is visible to the read below (pushes take their
      // numbers one at a time and commit in that order).
      const [newest] = await sql.query<{ top: string | null }>('SELECT max(seq) AS top FROM events');
      // Without statistics (PGlite never gathers them; PostgreSQL not yet, after a big push) the planner
      // guesses a few hundred rows and reads them all through a bitmap and a sort instead of walking the index.
      const rows = await sql.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_bitmapscan = off');
        return tx.query<PulledRow>(...pullPageQuery(device, after, limit + 1, mine));
      });
      // A page is cut by bytes too: a thousand long complaints are tens of megabytes.
      const page = rows.slice(0, limit);
      const events = textsWithin(page.map(pulledJson), MAX_BATCH_BYTES);
      const more = rows.length > events.length;
      // With nothing more to send, the cursor passes what this desk does not take (its own events,
      // other branches'), so the next pull does not walk those rows again.
      const last = events.length ? Number(page[events.length - 1]!.seq) : after;
      const next = more ? last : Math.max(last, Number(newest?.top ?? 0));
      return reply.type('application/json').send(`{"events":[${events.join(',')}],"next":${next},"more":${more}}`);
    });

    registerAttachmentRoutes(app, sql, authenticate, refuse, perDevice);

    /** "There is more": a server-sent hint, so desks need not poll fast. Polling works without it. */
    app.get(`${SYNC_API}/hints`, { config: perDevice }, async (request, reply) => {
      const device = await authenticate(request, reply);
      if (!device) return reply;
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      reply.raw.write(': connected\n\n');
      // A revoked or expired device stops hearing anything: checked on every hint and every half minute.
      const stillValid = async () =>
        (await sql.query('SELECT 1 FROM devices WHERE id = $1 AND NOT revoked AND expires_at > now()', [device.id])).length > 0;
      const end = () => {
        listeners.delete(notify);
        clearInterval(watch);
        reply.raw.end();
      };
      const notify = () =>
        void stillValid()
          .then((valid) => (valid ? reply.raw.write('event: more\ndata: {}\n\n') : end()))
          .catch(end);
      const watch = setInterval(() => void stillValid().then((valid) => valid || end()).catch(end), HINT_RECHECK_MS);
      listeners.add(notify);
      request.raw.on('close', () => {
        listeners.delete(notify);
        clearInterval(watch);
      });
    });

  });

  return app;
}

/** Checks every event of the batch first; then stores the acceptable ones in one transaction. */
async function storeBatch(tx: Sql, device: Device, events: EventEnvelope[], grants: SessionGrant[], serverPrivateKey: string): Promise<PushResponse> {
  const refused: PushResponse['refused'] = [];
  const duplicates: string[] = [];
  const known = new Set((await tx.query<{ id: string }>('SELECT id FROM events WHERE id = ANY($1::uuid[])', [events.map((e) => e.id)])).map((r) => r.id));
  const state = await loadBatchState(tx, device, events, grants, serverPrivateKey, Date.now());

  const accepted: Array<{ event: EventEnvelope; branch: string | null }> = [];
  for (const event of events) {
    if (known.has(event.id)) {
      duplicates.push(event.id);
      continue;
    }
    const verdict = checkEvent(device, event, state);
    if ('reason' in verdict) refused.push({ id: event.id, reason: verdict.reason });
    else {
      accepted.push({ event, branch: verdict.branch });
      known.add(event.id);
    }
  }
  await saveBatchState(tx, device, state);

  const column = <T>(pick: (a: { event: EventEnvelope; branch: string | null }) => T) => accepted.map(pick);
  const stored = accepted.length
    ? await tx.query<{ id: string; seq: string }>(
        `INSERT INTO events (id, entity, entity_id, type, payload, actor, actor_role, device, hlc, schema, branch, from_device, proof)
         SELECT u.id, u.entity, u.entity_id, u.type, u.payload::jsonb, u.actor, u.actor_role, u.device, u.hlc, u.schema, u.branch, $12::uuid, u.proof::jsonb
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[], $13::text[])
           AS u(id, entity, entity_id, type, payload, actor, actor_role, device, hlc, schema, branch, proof)
         ORDER BY u.hlc
         ON CONFLICT (id) DO NOTHING RETURNING id, seq`,
        [
          column((a) => a.event.id),
          column((a) => a.event.entity),
          column((a) => a.event.entityId),
          column((a) => a.event.type),
          column((a) => JSON.stringify(a.event.payload)),
          column((a) => a.event.actor),
          column((a) => a.event.actorRole),
          column((a) => a.event.device),
          column((a) => a.event.hlc),
          column((a) => a.event.schema),
          column((a) => a.branch),
          device.id,
          column((a) => (a.event.proof ? JSON.stringify(a.event.proof) : null)),
        ],
      )
    : [];
  const owned = accepted.filter((a) => a.branch !== null && !REFERENCE_ENTITIES.has(a.event.entity));
  if (owned.length) {
    await tx.query(
      `INSERT INTO entity_branches (entity, entity_id, branch) SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[]) ON CONFLICT DO NOTHING`,
      [owned.map((a) => a.event.entity), owned.map((a) => a.event.entityId), owned.map((a) => a.branch)],
    );
  }
  await recordAttachmentRefs(tx, accepted);
  const storedIds = new Set(stored.map((r) => r.id));
  for (const { event } of accepted) if (!storedIds.has(event.id)) duplicates.push(event.id);
  const storedUpTo = stored.reduce((max, r) => Math.max(max, Number(r.seq)), 0);
  return { accepted: [...storedIds], duplicates, refused, ...(storedUpTo ? { storedUpTo } : {}) };
}
