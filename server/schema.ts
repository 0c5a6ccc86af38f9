import type { Sql } from './sql.js';
import { newServerKeyPair } from '../keys/actorKeys.js';

/** Numbered migrations for both engines, each in a transaction, recorded in schema_migrations. */
const MIGRATIONS: Array<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE branches (code TEXT PRIMARY KEY, name TEXT NOT NULL);
      CREATE TABLE devices (
        id          UUID PRIMARY KEY,
        branch      TEXT NOT NULL REFERENCES branches(code),
        device_code TEXT NOT NULL,
        scope       TEXT NOT NULL CHECK (scope IN ('branch', 'hq')),
        token_hash  TEXT NOT NULL UNIQUE,
        revoked     BOOLEAN NOT NULL DEFAULT false,
        enrolled_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        UNIQUE (branch, device_code)
      );
      CREATE TABLE enrolment_codes (
        code_hash   TEXT PRIMARY KEY,
        branch      TEXT NOT NULL REFERENCES branches(code),
        device_code TEXT NOT NULL,
        scope       TEXT NOT NULL CHECK (scope IN ('branch', 'hq')),
        used_at     TIMESTAMPTZ
      );
      CREATE TABLE events (
        seq         BIGSERIAL PRIMARY KEY,
        id          UUID NOT NULL UNIQUE,
        entity      TEXT NOT NULL,
        entity_id   UUID NOT NULL,
        type        TEXT NOT NULL,
        payload     JSONB NOT NULL,
        actor       TEXT NOT NULL,
        actor_role  TEXT NOT NULL,
        device      TEXT NOT NULL,
        hlc         TEXT NOT NULL,
        schema      INTEGER NOT NULL,
        -- NULL for reference data that every branch receives.
        branch      TEXT,
        from_device UUID NOT NULL,
        stored_at   TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX events_by_branch ON events (branch, seq);
      CREATE TABLE entity_branches (
        entity    TEXT NOT NULL,
        entity_id UUID NOT NULL,
        branch    TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id)
      );
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE staff (
        id            UUID PRIMARY KEY,
        branch        TEXT NOT NULL REFERENCES branches(code),
        name          TEXT NOT NULL,
        role          TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        active        BOOLEAN NOT NULL DEFAULT true
      );
    `,
  },
  {
    version: 3,
    sql: `
      -- Device tokens expire: a desk that was lost or left unused for a year must be enrolled again.
      ALTER TABLE devices ADD COLUMN expires_at TIMESTAMPTZ NOT NULL DEFAULT (now() + interval '365 days');
    `,
  },
  {
    version: 4,
    sql: `
      -- The server's X25519 key: desks seal their session keys to it (shared/proof.ts).
      CREATE TABLE server_keys (id INTEGER PRIMARY KEY, public_key TEXT NOT NULL, private_key TEXT NOT NULL);
      -- Which device id the desk writes into its events, so a desk cannot claim another's.
      ALTER TABLE devices ADD COLUMN desk_device_id TEXT;
      -- A desk code is taken while its device is live, and free again once that device is revoked.
      ALTER TABLE devices DROP CONSTRAINT devices_branch_device_code_key;
      CREATE UNIQUE INDEX devices_live_desk ON devices (branch, device_code) WHERE NOT revoked;
      -- Every member of staff the server has seen, with the keys that prove their acts and their
      -- role over time (HLC order), so an event is judged by the role its actor had when making it.
      ALTER TABLE staff ALTER COLUMN password_hash DROP NOT NULL;
      CREATE TABLE staff_keys (staff_id UUID NOT NULL, public_key TEXT NOT NULL, PRIMARY KEY (staff_id, public_key));
      CREATE TABLE staff_roles (staff_id UUID NOT NULL, from_hlc TEXT NOT NULL, role TEXT NOT NULL, active BOOLEAN NOT NULL, PRIMARY KEY (staff_id, from_hlc));
      CREATE TABLE grants (id UUID PRIMARY KEY, staff_id UUID NOT NULL, device_id UUID NOT NULL, body JSONB NOT NULL);
      -- A case number once read out to a customer belongs to one case for ever.
      CREATE TABLE case_numbers (case_number TEXT PRIMARY KEY, case_id UUID NOT NULL);
      ALTER TABLE events ADD COLUMN proof JSONB
    `,
  },
  {
    version: 5,
    sql: `
      -- Request counts per fixed window (enrolment per address, requests per device), in the database
      -- so that every server process behind a load balancer counts the same requests.
      CREATE TABLE rate_windows (key TEXT PRIMARY KEY, started_at TIMESTAMPTZ NOT NULL, hits INTEGER NOT NULL)
    `,
  },
  {
    version: 6,
    sql: `
      -- Which branch's events refer to which photo or signature: a desk may fetch only what it may see.
      CREATE TABLE attachment_refs (hash TEXT NOT NULL, branch TEXT NOT NULL, media_type TEXT NOT NULL, size INTEGER NOT NULL, PRIMARY KEY (hash, branch));
      -- The files themselves, in the database beside the events: one backup, one code path for PGlite
      -- and PostgreSQL. An upload's chunks are kept apart (appending to one value would rewrite it
      -- per chunk) and joined once all have come. The file is complete once its sha256 matches its name.
      CREATE TABLE attachments (
        hash TEXT PRIMARY KEY, media_type TEXT NOT NULL, size INTEGER NOT NULL,
        received INTEGER NOT NULL DEFAULT 0, complete BOOLEAN NOT NULL DEFAULT false, data BYTEA
      );
      CREATE TABLE attachment_chunks (hash TEXT NOT NULL, at INTEGER NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (hash, at))
    `,
  },
];

export async function migrate(sql: Sql): Promise<number> {
  await sql.transaction(async (tx) => {
    // Server processes starting together on one database migrate one after another, not side by side.
    await tx.query('SELECT pg_advisory_xact_lock(4243)');
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.sql.split(';').map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
    }
    // One key for the whole server (every process of it), made once.
    const { publicKey, privateKey } = newServerKeyPair();
    await tx.query('INSERT INTO server_keys (id, public_key, private_key) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [publicKey, privateKey]);
  });
  return MIGRATIONS[MIGRATIONS.length - 1]!.version;
}

export async function serverKeys(sql: Sql): Promise<{ publicKey: string; privateKey: string }> {
  const [row] = await sql.query<{ public_key: string; private_key: string }>('SELECT public_key, private_key FROM server_keys WHERE id = 1');
  if (!row) throw new Error('the server has no key yet: run the migrations');
  return { publicKey: row.public_key, privateKey: row.private_key };
}
