import { REPORT_CELLS_SCHEMA } from './reportCells.js';

/**
 * Numbered schema migrations. Migration N brings the database to `user_version` N; each runs in
 * its own transaction together with the version bump. Never edit a released migration: add one.
 */
export interface Migration {
  version: number;
  sql: string;
  /** Set when the migration reshapes projection tables: they are refilled from the log after it. */
  rebuildProjections?: boolean;
}

/** The queue's totals (migration 12) of the rows that match `where`, by key: what the counting triggers add up. */
export const caseCountsOf = (where: string) => `
        SELECT 'all' AS key, count(*) AS n FROM complaints WHERE ${where}
        UNION ALL SELECT 'open:' || is_open, count(*) FROM complaints WHERE ${where} GROUP BY is_open
        UNION ALL SELECT 'owner:' || owner_id, count(*) FROM complaints WHERE ${where} GROUP BY owner_id
        UNION ALL SELECT 'owner_open:' || owner_id || ':' || is_open, count(*) FROM complaints WHERE ${where} GROUP BY owner_id, is_open`;

/** The queue's totals counted from every row; a rebuild counts them again the same way. */
export const COUNT_CASES = `
      INSERT INTO case_counts (key, n) ${caseCountsOf('1')};`;

/** The triggers that keep the totals as rows come and go (migration 12). */
export const CASE_COUNT_TRIGGERS = ['complaints_counted', 'complaints_uncounted'];

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE events (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        id        TEXT NOT NULL UNIQUE,
        entity    TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        type      TEXT NOT NULL,
        payload   TEXT NOT NULL,
        actor     TEXT NOT NULL,
        device    TEXT NOT NULL,
        hlc       TEXT NOT NULL,
        schema    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX events_by_entity ON events(entity, entity_id, hlc);
      CREATE INDEX events_by_hlc ON events(hlc);
      CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
      CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

      CREATE TABLE complaints (
        id              TEXT PRIMARY KEY,
        case_number     TEXT NOT NULL,
        case_prefix     TEXT NOT NULL,
        case_seq        INTEGER NOT NULL,
        branch          TEXT NOT NULL,
        customer_name   TEXT NOT NULL,
        customer_phone  TEXT NOT NULL,
        channel         TEXT NOT NULL,
        status          TEXT NOT NULL,
        received_at     TEXT NOT NULL,
        received_hlc    TEXT NOT NULL,
        last_hlc        TEXT NOT NULL,
        conflict_count  INTEGER NOT NULL,
        view            TEXT NOT NULL
      ) STRICT;
      CREATE INDEX complaints_newest_first ON complaints(received_hlc DESC, id DESC);
      CREATE INDEX complaints_by_number_prefix ON complaints(case_prefix, case_seq);
      CREATE INDEX complaints_by_number ON complaints(case_number);

      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE drafts (key TEXT PRIMARY KEY, data TEXT NOT NULL, saved_at TEXT NOT NULL) STRICT;
    `,
  },
  {
    version: 2,
    rebuildProjections: true,
    sql: `
      ALTER TABLE events ADD COLUMN actor_role TEXT NOT NULL DEFAULT 'clerk';

      DROP TABLE complaints;
      CREATE TABLE complaints (
        id              TEXT PRIMARY KEY,
        case_number     TEXT NOT NULL,
        case_prefix     TEXT NOT NULL,
        case_seq        INTEGER NOT NULL,
        branch          TEXT NOT NULL,
        customer_id     TEXT,
        customer_name   TEXT NOT NULL,
        customer_phone  TEXT NOT NULL,
        phone_digits    TEXT NOT NULL,
        channel         TEXT NOT NULL,
        status          TEXT NOT NULL,
        is_open         INTEGER NOT NULL,
        severity        INTEGER,
        major           INTEGER NOT NULL,
        owner_id        TEXT NOT NULL,
        chase_count     INTEGER NOT NULL,
        is_repeat       INTEGER NOT NULL,
        received_at     TEXT NOT NULL,
        received_hlc    TEXT NOT NULL,
        last_hlc        TEXT NOT NULL,
        conflict_count  INTEGER NOT NULL,
        view            TEXT NOT NULL
      ) STRICT;
      CREATE INDEX complaints_newest_first ON complaints(received_hlc DESC, id DESC);
      CREATE INDEX complaints_by_number_prefix ON complaints(case_prefix, case_seq);
      CREATE INDEX complaints_by_number ON complaints(case_number);
      CREATE INDEX complaints_by_customer ON complaints(customer_id, received_hlc);
      CREATE INDEX complaints_by_phone ON complaints(phone_digits, received_hlc);
      CREATE INDEX complaints_open_by_owner ON complaints(is_open, owner_id);

      CREATE TABLE staff (
        id        TEXT PRIMARY KEY,
        name      TEXT NOT NULL,
        role      TEXT NOT NULL,
        branch    TEXT NOT NULL,
        active    INTEGER NOT NULL,
        pin_hash  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE customers (
        id      TEXT PRIMARY KEY,
        name    TEXT NOT NULL,
        phones  TEXT NOT NULL,
        notes   TEXT NOT NULL,
        tier    TEXT NOT NULL
      ) STRICT;
      CREATE TABLE customer_phones (
        digits       TEXT NOT NULL,
        customer_id  TEXT NOT NULL,
        PRIMARY KEY (digits, customer_id)
      ) STRICT;
    `,
  },
  {
    version: 3,
    rebuildProjections: true,
    sql: `
      CREATE TABLE library_items (
        kind     TEXT NOT NULL,
        item_id  TEXT NOT NULL,
        version  INTEGER NOT NULL,
        data     TEXT NOT NULL,
        PRIMARY KEY (kind, item_id)
      ) STRICT;
      -- The queue's default order (most urgent first) read straight from an index.
      CREATE INDEX complaints_by_urgency ON complaints(
        is_open DESC, (conflict_count > 0) DESC, major DESC, coalesce(severity, 4), chase_count DESC, received_hlc, id);
    `,
  },
  {
    version: 4,
    rebuildProjections: true,
    sql: `
      ALTER TABLE complaints ADD COLUMN due_at INTEGER;
      ALTER TABLE complaints ADD COLUMN due_soon_at INTEGER;
      ALTER TABLE complaints ADD COLUMN sla_step TEXT;
      ALTER TABLE complaints ADD COLUMN received_ms INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE complaints ADD COLUMN needs_contact INTEGER NOT NULL DEFAULT 0;
      DROP INDEX complaints_by_urgency;
      -- Most urgent first: open, conflicts, the nearest deadline, then gravity.
      CREATE INDEX complaints_by_urgency ON complaints(
        is_open DESC, (conflict_count > 0) DESC, coalesce(due_at, 9e15), major DESC, coalesce(severity, 4), id);
      CREATE INDEX complaints_awaiting_contact ON complaints(is_open, needs_contact, received_ms);

      CREATE TABLE sla_items (
        kind     TEXT NOT NULL,
        item_id  TEXT NOT NULL,
        version  INTEGER NOT NULL,
        data     TEXT NOT NULL,
        PRIMARY KEY (kind, item_id)
      ) STRICT;

      -- Device-local: which due-soon/overdue alarms this desk has raised, so each rings once.
      CREATE TABLE alarms_raised (
        case_id     TEXT NOT NULL,
        step        TEXT NOT NULL,
        step_start  INTEGER NOT NULL,
        threshold   TEXT NOT NULL,
        raised_at   INTEGER NOT NULL,
        PRIMARY KEY (case_id, step, step_start, threshold)
      ) STRICT;
    `,
  },
  {
    version: 5,
    sql: `
      -- Where an event was first stored on this desk: only local ones are pushed to the server.
      ALTER TABLE events ADD COLUMN origin TEXT NOT NULL DEFAULT 'local';
      CREATE INDEX events_to_push ON events(origin, seq);
      -- Device-local: events the server refused, with its reason, shown until they are settled.
      CREATE TABLE sync_refused (event_id TEXT PRIMARY KEY, reason TEXT NOT NULL, refused_at INTEGER NOT NULL) STRICT;
    `,
  },
  {
    version: 6,
    rebuildProjections: true,
    sql: `
      -- Which desk (branch-desk code) each device is, learnt from the cases received on it: the
      -- timeline names desks as people know them ("BJ01-A"), never by a device id.
      CREATE TABLE devices (device_id TEXT PRIMARY KEY, desk TEXT NOT NULL) STRICT;
      -- Device-local: the form's request id of every case created here, so a second Ctrl+Enter,
      -- a double click or a retried call returns the case already made instead of a new one.
      CREATE TABLE intake_requests (request_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, created_at INTEGER NOT NULL) STRICT;
      -- Most urgent first: open, conflicts to settle, major and level-1 cases, then the nearest deadline.
      DROP INDEX complaints_by_urgency;
      CREATE INDEX complaints_by_urgency ON complaints(
        is_open DESC, (conflict_count > 0) DESC, (major = 1 OR coalesce(severity, 4) = 1) DESC, coalesce(due_at, 9e15), major DESC, coalesce(severity, 4), id);
    `,
  },
  {
    version: 7,
    rebuildProjections: true,
    sql: `
      -- Who really made each event (shared/proof.ts), pushed with it for the server to check.
      ALTER TABLE events ADD COLUMN proof TEXT;
      ALTER TABLE staff ADD COLUMN credential TEXT;
      -- Device-local: the session grants opened here, pushed with the events they prove.
      CREATE TABLE session_grants (id TEXT PRIMARY KEY, staff_id TEXT NOT NULL, body TEXT NOT NULL) STRICT;
    `,
  },
  {
    version: 8,
    rebuildProjections: true,
    sql: `
      -- The follow-up list reads the cases waiting for their follow-up call, nearest deadline first.
      CREATE INDEX complaints_by_status ON complaints(status, due_at);
    `,
  },
  {
    version: 9,
    rebuildProjections: true,
    sql: `
      -- Case search (shared/search.ts): character pairs for Chinese, words, phone stretches. The
      -- row id is the complaint's rowid; contentless, so the text is not stored twice.
      CREATE VIRTUAL TABLE case_fts USING fts5(grams, tokenize='unicode61', content='', contentless_delete=1);
      -- What search filters and reports group by, as columns rather than inside the view's JSON.
      ALTER TABLE complaints ADD COLUMN content TEXT;
      ALTER TABLE complaints ADD COLUMN cause TEXT;
      ALTER TABLE complaints ADD COLUMN nature TEXT;
      ALTER TABLE complaints ADD COLUMN closed_ms INTEGER;
      ALTER TABLE complaints ADD COLUMN satisfaction INTEGER;
      ALTER TABLE complaints ADD COLUMN follow_up_state TEXT;
      CREATE INDEX complaints_by_received ON complaints(received_ms);
    `,
  },
  {
    version: 10,
    rebuildProjections: true,
    sql: `
      -- Saved monthly analyses, the latest version of each branch and month.
      CREATE TABLE monthly_reports (id TEXT PRIMARY KEY, month TEXT NOT NULL, branch TEXT, version INTEGER NOT NULL, data TEXT NOT NULL) STRICT;
    `,
  },
  {
    version: 11,
    rebuildProjections: true,
    sql: `
      -- Each process step of each case with its deadline under the case's policy, finished or
      -- running: SLA compliance per step without folding the log at view time.
      CREATE TABLE case_steps (
        case_id  TEXT NOT NULL,
        step     TEXT NOT NULL,
        started_ms INTEGER NOT NULL,
        due_ms   INTEGER NOT NULL,
        ended_ms INTEGER,
        -- The case's period and branch, so compliance over a year reads this table's index alone.
        received_ms INTEGER NOT NULL,
        branch   TEXT NOT NULL,
        PRIMARY KEY (case_id, step, started_ms)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_steps_for_reports ON case_steps(received_ms, branch, step, due_ms, ended_ms);
      -- The projection again, refilled by the rebuild: the view (kilobytes of JSON, on overflow pages)
      -- last, so that reading any column never walks its overflow chain; the intake's escalation
      -- signals (a JSON array) for the reports; and the report's columns in one covering index, so a
      -- year of figures reads the index and never the rows.
      DROP TABLE complaints;
      CREATE TABLE complaints (
        id              TEXT PRIMARY KEY,
        case_number     TEXT NOT NULL,
        case_prefix     TEXT NOT NULL,
        case_seq        INTEGER NOT NULL,
        branch          TEXT NOT NULL,
        customer_id     TEXT,
        customer_name   TEXT NOT NULL,
        customer_phone  TEXT NOT NULL,
        phone_digits    TEXT NOT NULL,
        channel         TEXT NOT NULL,
        status          TEXT NOT NULL,
        is_open         INTEGER NOT NULL,
        severity        INTEGER,
        major           INTEGER NOT NULL,
        owner_id        TEXT NOT NULL,
        chase_count     INTEGER NOT NULL,
        is_repeat       INTEGER NOT NULL,
        received_at     TEXT NOT NULL,
        received_hlc    TEXT NOT NULL,
        last_hlc        TEXT NOT NULL,
        conflict_count  INTEGER NOT NULL,
        due_at          INTEGER,
        due_soon_at     INTEGER,
        sla_step        TEXT,
        received_ms     INTEGER NOT NULL,
        needs_contact   INTEGER NOT NULL,
        content         TEXT,
        cause           TEXT,
        nature          TEXT,
        closed_ms       INTEGER,
        satisfaction    INTEGER,
        follow_up_state TEXT,
        signals         TEXT NOT NULL,
        step_started_ms INTEGER NOT NULL,
        received_by     TEXT NOT NULL,
        late_steps      INTEGER NOT NULL,
        view            TEXT NOT NULL
      ) STRICT;
      CREATE INDEX complaints_newest_first ON complaints(received_hlc DESC, id DESC);
      CREATE INDEX complaints_by_number_prefix ON complaints(case_prefix, case_seq);
      CREATE INDEX complaints_by_number ON complaints(case_number);
      CREATE INDEX complaints_by_customer ON complaints(customer_id, received_hlc);
      CREATE INDEX complaints_by_phone ON complaints(phone_digits, received_hlc);
      CREATE INDEX complaints_open_by_owner ON complaints(is_open, owner_id);
      CREATE INDEX complaints_awaiting_contact ON complaints(is_open, needs_contact, received_ms);
      CREATE INDEX complaints_by_urgency ON complaints(
        is_open DESC, (conflict_count > 0) DESC, (major = 1 OR coalesce(severity, 4) = 1) DESC, coalesce(due_at, 9e15), major DESC, coalesce(severity, 4), id);
      CREATE INDEX complaints_by_status ON complaints(status, due_at);
      CREATE INDEX complaints_by_branch ON complaints(branch, received_ms);
      -- The deadline tick and the alarm counts read only the open cases near or past a deadline.
      CREATE INDEX complaints_open_due_soon ON complaints(due_soon_at, due_at, sla_step, step_started_ms) WHERE is_open = 1;
      CREATE INDEX complaints_for_reports ON complaints(
        received_ms, branch, content, cause, severity, channel, major, is_open, due_at, is_repeat, follow_up_state, closed_ms, satisfaction, owner_id, received_by, late_steps, signals);
    `,
  },
  {
    version: 12,
    sql: `
      -- The queue's totals kept as the rows come and go, so a count never scans a million cases:
      -- all, open or closed, and the same per owner ("mine").
      CREATE TABLE case_counts (key TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT, WITHOUT ROWID;
${COUNT_CASES}
      CREATE TRIGGER complaints_counted AFTER INSERT ON complaints BEGIN
        INSERT INTO case_counts (key, n)
          VALUES ('all', 1), ('open:' || NEW.is_open, 1), ('owner:' || NEW.owner_id, 1), ('owner_open:' || NEW.owner_id || ':' || NEW.is_open, 1)
          ON CONFLICT (key) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER complaints_uncounted AFTER DELETE ON complaints BEGIN
        UPDATE case_counts SET n = n - 1
          WHERE key IN ('all', 'open:' || OLD.is_open, 'owner:' || OLD.owner_id, 'owner_open:' || OLD.owner_id || ':' || OLD.is_open);
      END;
    `,
  },
  {
    version: 13,
    sql: `
      -- The chased open cases, for the automatic escalation after the policy's third chaser.
      CREATE INDEX complaints_chased ON complaints(chase_count) WHERE is_open = 1 AND chase_count > 0;
    `,
  },
  {
    version: 14,
    sql: `
      -- Compliance per step reads each step's rows of the period as one index range, with no sort.
      CREATE INDEX case_steps_by_step ON case_steps(step, received_ms, branch, due_ms, ended_ms);
      DROP INDEX case_steps_for_reports;
    `,
  },
  {
    version: 15,
    sql: `
      -- Onsite visits as the case's fold has them: a technician's day is one index range.
      CREATE TABLE work_orders (
        id              TEXT PRIMARY KEY,
        case_id         TEXT NOT NULL,
        branch          TEXT NOT NULL,
        technician_id   TEXT NOT NULL,
        status          TEXT NOT NULL,
        window_start_ms INTEGER NOT NULL,
        window_end_ms   INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX work_orders_by_technician ON work_orders(technician_id, window_start_ms);
      CREATE INDEX work_orders_by_window ON work_orders(window_start_ms);
      CREATE INDEX work_orders_of_case ON work_orders(case_id);
      -- The photos and signatures the log refers to (a projection) …
      CREATE TABLE attachment_refs (
        hash       TEXT NOT NULL,
        case_id    TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size       INTEGER NOT NULL,
        PRIMARY KEY (hash, case_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX attachment_refs_of_case ON attachment_refs(case_id);
      -- … and the files this desk holds of them (local state: never rebuilt, never synced).
      CREATE TABLE attachment_files (
        hash       TEXT PRIMARY KEY,
        media_type TEXT NOT NULL,
        size       INTEGER NOT NULL,
        uploaded   INTEGER NOT NULL DEFAULT 0,
        stored_at  INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 16,
    sql: `${REPORT_CELLS_SCHEMA}
      -- A period's open cases past their deadline, per branch, without reading its closed ones.
      CREATE INDEX complaints_open_for_reports ON complaints(branch, received_ms, due_at) WHERE is_open = 1;
      -- The desk's idle steps merge any level of the search index holding two segments (mergeSearchSegments).
      INSERT INTO case_fts (case_fts, rank) VALUES ('usermerge', 2);
    `,
  },
  {
    version: 17,
    sql: `
      -- Writing a customer again clears their phones by customer: without this it read every phone of
      -- every customer (at an HQ desk, a million rows for each case taken from a new caller).
      CREATE INDEX customer_phones_of_customer ON customer_phones(customer_id);
      -- Each sync asks for the photos still to upload: the few not sent, not every photo ever taken.
      CREATE INDEX attachment_files_to_upload ON attachment_files(hash) WHERE uploaded = 0;
    `,
  },
  {
    version: 18,
    sql: `
      -- The photos and signatures the log refers to that this desk does not hold yet, kept by triggers:
      -- each sync and each sync status asked for them by reading every reference ever made.
      CREATE TABLE attachments_missing (
        hash       TEXT PRIMARY KEY,
        media_type TEXT NOT NULL,
        size       INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      INSERT OR IGNORE INTO attachments_missing (hash, media_type, size)
        SELECT r.hash, r.media_type, r.size FROM attachment_refs r WHERE NOT EXISTS (SELECT 1 FROM attachment_files f WHERE f.hash = r.hash);
      CREATE TRIGGER attachment_ref_made AFTER INSERT ON attachment_refs
        WHEN NOT EXISTS (SELECT 1 FROM attachment_files WHERE hash = NEW.hash)
        BEGIN INSERT OR IGNORE INTO attachments_missing (hash, media_type, size) VALUES (NEW.hash, NEW.media_type, NEW.size); END;
      CREATE TRIGGER attachment_ref_gone AFTER DELETE ON attachment_refs
        WHEN NOT EXISTS (SELECT 1 FROM attachment_refs WHERE hash = OLD.hash)
        BEGIN DELETE FROM attachments_missing WHERE hash = OLD.hash; END;
      CREATE TRIGGER attachment_file_held AFTER INSERT ON attachment_files
        BEGIN DELETE FROM attachments_missing WHERE hash = NEW.hash; END;
      CREATE TRIGGER attachment_file_gone AFTER DELETE ON attachment_files
        BEGIN INSERT OR IGNORE INTO attachments_missing (hash, media_type, size) SELECT hash, media_type, size FROM attachment_refs WHERE hash = OLD.hash LIMIT 1; END;
    `,
  },
  {
    version: 19,
    sql: `
      -- A case's folded view (kilobytes of JSON) in a table of its own, under its row's rowid: with it
      -- the case rows sat two to a page, and every scan of them and every index built over them read
      -- every view (the fourteen indexes: 3.4 → 1.5 s at 100,000 cases; a rebuild's indexes, totals and
      -- commit at a million, 77 → 49–59 s). Copied, not refilled by a rebuild: a crash between the two
      -- would leave cases without their views.
      CREATE TABLE complaint_views (case_rowid INTEGER PRIMARY KEY, view TEXT NOT NULL) STRICT;
      INSERT INTO complaint_views (case_rowid, view) SELECT rowid, view FROM complaints;
      ALTER TABLE complaints DROP COLUMN view;
    `,
  },
  {
    version: 20,
    sql: `
      -- Writes leave merging the search index to the desk's idle steps (mergeSearchSegments). FTS5's own
      -- merging inside a write, four segments at a time, made one create in fifty wait 10–30 ms at a
      -- million cases while the index still held a history's segments not yet merged (p99 23–28 → 5–6 ms);
      -- on a tidy index creates over 10 ms went from 4 in 1,200 to none. A level that reaches sixteen
      -- segments is still merged in the write that fills it, so a desk never idle cannot pile them up.
      INSERT INTO case_fts (case_fts, rank) VALUES ('automerge', 0);
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
