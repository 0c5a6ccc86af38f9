import type { Sql } from './sql.js';

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
];

export async function migrate(sql: Sql): Promise<number> {
  await sql.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
  const done = new Set((await sql.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
  for (const migration of MIGRATIONS) {
    if (done.has(migration.version)) continue;
    await sql.transaction(async (tx) => {
      for (const statement of migration.sql.split(';').map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
    });
  }
  return MIGRATIONS[MIGRATIONS.length - 1]!.version;
}
