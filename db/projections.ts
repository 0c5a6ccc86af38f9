import { statement } from './statements.js';
import { foldCase, type CaseView } from '../shared/fold.js';
import { foldCustomer, foldStaff, type CustomerView, type StaffView } from '../shared/referenceFold.js';
import { normalizePhone } from '../shared/complaint.js';
import { parseCaseNumber } from '../shared/caseNumber.js';
import { searchTokens } from '../shared/search.js';
import { foldMonthlyReport, type MonthlyReport } from '../shared/monthlyReport.js';
import { hlcWallMs } from '../shared/hlc.js';
import { foldLibrary } from '../shared/guidance/libraryFold.js';
import { clocksOfCase, foldSla, slaContext, stepRecords, type SlaContext, type SlaItem } from '../shared/sla/slaFold.js';
import { SLA_ENTITY_ID, type Entity, type EventEnvelope } from '../shared/events.js';
import { REFERENCE_ENTITY_IDS } from '../shared/eventSchemas.js';
import type { Db } from './open.js';
import { allEventsByEntity, countEvents, eventsOf } from './eventLog.js';
import { readReferenceItems, replaceReferenceItems } from './referenceItems.js';
import { COUNT_CASES } from './migrations.js';
import { refillReportCells } from './reportCells.js';
import { viewOf } from './complaintQueries.js';

/** Tables that are pure folds of the log; rebuilding drops and refills exactly these. */
export const PROJECTION_TABLES = ['complaints', 'complaint_views', 'case_fts', 'staff', 'customers', 'customer_phones', 'library_items', 'sla_items', 'devices', 'monthly_reports', 'case_steps', 'work_orders', 'attachment_refs'] as const;

/** What a case is found by: its number, the customer, and everything written about it. */
function searchText(view: CaseView): string {
  const texts = [view.caseNumber, view.customerName, view.description, view.expectation, view.findings ?? '', view.proposal?.remedy ?? '', view.execution ?? '', view.feedback ?? '', ...(view.notes ?? [])];
  return searchTokens(texts, [view.customerPhone]);
}

const slaContexts = new WeakMap<Db, { rows: string; context: SlaContext }>();

/**
 * The policies, calendar and opening hours as the clocks use them. Built again only when the rows
 * changed: building them took 17 µs, and taking one case asked four times (its write, its answer).
 */
export function readSlaContext(db: Db): SlaContext {
  const items = readReferenceItems<SlaItem['kind']>(db, 'sla_items');
  const rows = JSON.stringify(items);
  const cached = slaContexts.get(db);
  if (cached?.rows === rows) return cached.context;
  const context = slaContext(items);
  slaContexts.set(db, { rows, context });
  return context;
}

/**
 * Writes the case's steps with their deadlines, and returns the columns the queue sorts and filters
 * by: the nearest running deadline, and how many steps finished after theirs. The case's clocks are
 * worked out once for both (working-time arithmetic is most of a case's write).
 */
function writeCaseSteps(db: Db, view: CaseView, sla: SlaContext) {
  const insert = statement(db, 'INSERT OR REPLACE INTO case_steps (case_id, step, started_ms, due_ms, ended_ms, received_ms, branch) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const clocks = clocksOfCase(view, sla);
  let lateSteps = 0;
  for (const r of stepRecords(view, sla, clocks)) {
    insert.run(view.id, r.step, r.startedAtMs, r.dueAtMs, r.endedAtMs, view.receivedAtMs, view.branch);
    if (r.endedAtMs !== null && r.endedAtMs > r.dueAtMs) lateSteps++;
  }
  const first = clocks.clocks[0];
  return { lateSteps, dueAt: first?.dueAt ?? null, dueSoonAt: first?.dueSoonAt ?? null, slaStep: first?.step ?? null };
}

/**
 * Takes a case's rows out of every table its projection writes but two kept under its row's rowid, which
 * writeComplaint replaces or removes: the search entry and the view. Returns the row that was there.
 */
function clearComplaint(db: Db, entityId: string): { rowid: number; view: string } | undefined {
  const previous = statement(db, `SELECT rowid, ${viewOf()} AS view FROM complaints WHERE id = ?`).get(entityId) as { rowid: number; view: string } | undefined;
  // A case's other rows are only ever written with its row: a case not written yet has none.
  if (!previous) return undefined;
  // A plain delete, not INSERT OR REPLACE's: the queue's counters (migration 12) are kept by its trigger.
  statement(db, 'DELETE FROM complaints WHERE rowid = ?').run(previous.rowid);
  statement(db, 'DELETE FROM case_steps WHERE case_id = ?').run(entityId);
  statement(db, 'DELETE FROM work_orders WHERE case_id = ?').run(entityId);
  statement(db, 'DELETE FROM attachment_refs WHERE case_id = ?').run(entityId);
  return previous;
}

/**
 * Writes a case's rows; `fresh` when a rebuild has emptied the tables and there is nothing to clear.
 * A case written again keeps its rowid, and so its search entry: most actions (an escalation, a
 * handover, an approval) change no searchable word, and deleting an entry from the search index was
 * the dearest part of writing a case again (185 µs of an escalation's 550 here).
 */
function writeComplaint(db: Db, entityId: string, view: CaseView | null, sla: SlaContext, fresh = false): void {
  const previous = fresh ? undefined : clearComplaint(db, entityId);
  const grams = view ? searchText(view) : null;
  const searchKept = previous !== undefined && grams !== null && searchText(JSON.parse(previous.view) as CaseView) === grams;
  if (previous && !searchKept) statement(db, 'DELETE FROM case_fts WHERE rowid = ?').run(previous.rowid);
  if (!view) {
    if (previous) statement(db, 'DELETE FROM complaint_views WHERE case_rowid = ?').run(previous.rowid);
    return;
  }
  writeWorkOrders(db, entityId, view);
  // The steps first: how many ran late and the nearest deadline are columns of the row.
  const stepColumns = writeCaseSteps(db, view, sla);
  const written = statement(db,
    `INSERT INTO complaints (rowid, id, case_number, case_prefix, case_seq, branch, customer_id, customer_name,
       customer_phone, phone_digits, channel, status, is_open, severity, major, owner_id, chase_count, is_repeat,
       received_at, received_hlc, last_hlc, conflict_count, due_at, due_soon_at, sla_step, received_ms, needs_contact,
       content, cause, nature, closed_ms, satisfaction, follow_up_state, signals, step_started_ms, received_by, late_steps)
     VALUES (@rowid, @id, @caseNumber, @casePrefix, @caseSeq, @branch, @customerId, @customerName,
       @customerPhone, @phoneDigits, @channel, @status, @isOpen, @severity, @major, @ownerId, @chaseCount, @isRepeat,
       @receivedAt, @receivedHlc, @lastHlc, @conflictCount, @dueAt, @dueSoonAt, @slaStep, @receivedAtMs, @needsContact,
       @content, @cause, @nature, @closedMs, @satisfaction, @followUpState, @signals, @stepStartedAtMs, @receivedBy, @lateSteps)`,
  ).run({
    // Each column named, not the view spread in: a spread of the folded view made a slow dictionary
    // object, which cost a third of a rebuild (10,000 cases: 2.6 → 1.6 s).
    rowid: previous?.rowid ?? null,
    id: view.id,
    caseNumber: view.caseNumber,
    casePrefix: view.casePrefix,
    caseSeq: view.caseSeq,
    branch: view.branch,
    customerId: view.customerId,
    customerName: view.customerName,
    customerPhone: view.customerPhone,
    phoneDigits: normalizePhone(view.customerPhone),
    channel: view.channel,
    status: view.status,
    isOpen: view.status === 'closed' ? 0 : 1,
    severity: view.severity,
    major: view.major ? 1 : 0,
    ownerId: view.ownerId,
    chaseCount: view.chaseCount,
    isRepeat: view.repeatOf.length > 0 ? 1 : 0,
    receivedAt: view.receivedAt,
    receivedHlc: view.receivedHlc,
    lastHlc: view.lastHlc,
    conflictCount: view.conflicts.filter((c) => !c.settled).length,
    ...stepColumns,
    receivedAtMs: view.receivedAtMs,
    needsContact: view.firstContactAtMs === null ? 1 : 0,
    content: view.classification?.content ?? null,
    cause: view.classification?.cause ?? null,
    nature: view.classification?.nature ?? null,
    closedMs: view.status === 'closed' ? (view.closedAtMs ?? null) : null,
    // The latest answer the customer gave, satisfied or not (a dissatisfied one reopened the case).
    satisfaction: [...(view.followUps ?? [])].reverse().find((f) => f.kind === 'reached')?.satisfaction ?? null,
    followUpState: view.followUpState ?? null,
    signals: JSON.stringify(view.signals),
    stepStartedAtMs: view.stepStartedAtMs,
    receivedBy: view.receivedBy,
  });
  // Under the same rowid when the case is written again: the view's row is replaced in place.
  statement(db, 'INSERT OR REPLACE INTO complaint_views (case_rowid, view) VALUES (?, ?)').run(written.lastInsertRowid, JSON.stringify(view));
  if (!searchKept) statement(db, 'INSERT INTO case_fts (rowid, grams) VALUES (?, ?)').run(written.lastInsertRowid, grams);
  const number = parseCaseNumber(view.caseNumber);
  // Written only when new or changed: every case of a desk names the same desk, and a replace is a delete and an insert.
  if (number) {
    statement(db, 'INSERT INTO devices (device_id, desk) VALUES (?, ?) ON CONFLICT (device_id) DO UPDATE SET desk = excluded.desk WHERE desk IS NOT excluded.desk')
      .run(view.receivedDevice, `${number.branch}-${number.device}`);
  }
}

/** The case's visits for the technicians' lists, and the photos and signatures they refer to. */
function writeWorkOrders(db: Db, caseId: string, view: CaseView): void {
  if (!view.workOrders?.length) return;
  const order = statement(db, 'INSERT INTO work_orders (id, case_id, branch, technician_id, status, window_start_ms, window_end_ms) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const ref = statement(db, 'INSERT OR IGNORE INTO attachment_refs (hash, case_id, media_type, size) VALUES (?, ?, ?, ?)');
  for (const o of view.workOrders) {
    order.run(o.id, caseId, view.branch, o.technicianId, o.status, o.windowStartMs, o.windowEndMs);
    for (const a of [...o.photos.map((p) => p.attachment), ...(o.signature ? [o.signature.attachment] : [])]) ref.run(a.hash, caseId, a.mediaType, a.size);
  }
}

function writeStaff(db: Db, entityId: string, view: StaffView | null, fresh = false): void {
  if (!fresh) statement(db, 'DELETE FROM staff WHERE id = ?').run(entityId);
  if (!view) return;
  statement(db, 'INSERT INTO staff (id, name, role, branch, active, pin_hash, credential) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    view.id,
    view.name,
    view.role,
    view.branch,
    view.active ? 1 : 0,
    view.pinHash,
    view.credential ? JSON.stringify(view.credential) : null,
  );
}

function writeCustomer(db: Db, entityId: string, view: CustomerView | null, fresh = false): void {
  if (!fresh) {
    statement(db, 'DELETE FROM customers WHERE id = ?').run(entityId);
    statement(db, 'DELETE FROM customer_phones WHERE customer_id = ?').run(entityId);
  }
  if (!view) return;
  statement(db, 'INSERT INTO customers (id, name, phones, notes, tier) VALUES (?, ?, ?, ?, ?)').run(
    view.id,
    view.name,
    JSON.stringify(view.phones),
    view.notes,
    view.tier,
  );
  const phone = statement(db, 'INSERT OR IGNORE INTO customer_phones (digits, customer_id) VALUES (?, ?)');
  for (const p of view.phones) phone.run(normalizePhone(p), view.id);
}

/** New policies, calendar years or hours move every open case's deadlines: recompute them all. */
function writeSla(db: Db, events: readonly EventEnvelope[]): void {
  replaceReferenceItems(db, 'sla_items', foldSla(events));
  const sla = readSlaContext(db);
  const update = statement(db, 'UPDATE complaints SET due_at = @dueAt, due_soon_at = @dueSoonAt, sla_step = @slaStep, late_steps = @lateSteps WHERE id = @id');
  for (const row of statement(db, `SELECT id, ${viewOf()} AS view FROM complaints WHERE is_open = 1`).all() as Array<{ id: string; view: string }>) {
    const view = JSON.parse(row.view) as CaseView;
    statement(db, 'DELETE FROM case_steps WHERE case_id = ?').run(row.id);
    update.run({ id: row.id, ...writeCaseSteps(db, view, sla) });
  }
}


function writeMonthlyReport(db: Db, entityId: string, report: MonthlyReport | null): void {
  statement(db, 'DELETE FROM monthly_reports WHERE id = ?').run(entityId);
  if (report) statement(db, 'INSERT INTO monthly_reports (id, month, branch, version, data) VALUES (?, ?, ?, ?, ?)').run(entityId, report.month, report.branch, report.version, JSON.stringify(report));
}

/** Folds one entity's full history and writes its row: a late event lands in its right place. `fresh`: see writeComplaint. */
function writeEntity(db: Db, entity: Entity, entityId: string, events: readonly EventEnvelope[], sla: () => SlaContext, fresh = false): void {
  switch (entity) {
    case 'complaint':
      return writeComplaint(db, entityId, foldCase(events), sla(), fresh);
    case 'staff':
      return writeStaff(db, entityId, foldStaff(events), fresh);
    case 'customer':
      return writeCustomer(db, entityId, foldCustomer(events), fresh);
    case 'library':
      return replaceReferenceItems(db, 'library_items', foldLibrary(events));
    case 'sla':
      return writeSla(db, events);
    case 'report':
      return writeMonthlyReport(db, entityId, foldMonthlyReport(events, (e) => hlcWallMs(e.hlc)));
  }
}

/** Reference data is folded from its one entity; events under another id stay in the log, unfolded. */
const foldable = (entity: Entity, entityId: string) => (REFERENCE_ENTITY_IDS[entity] ?? entityId) === entityId;

/** Re-folds one entity; `sla` lets a batch read the SLA reference data once, not per case. */
export function projectEntity(db: Db, entity: Entity, entityId: string, sla: () => SlaContext = () => readSlaContext(db)): void {
  if (foldable(entity, entityId)) writeEntity(db, entity, entityId, eventsOf(db, entity, entityId), sla);
}

/**
 * One step of tidying the search index; true while there was work. Every transaction that writes a case
 * adds a small segment to the index and FTS5 merges them only four at a time, so after a busy year a
 * search visits dozens of segments (退款 at 150,000 cases: 7.1 ms, 1.5 ms once merged). With usermerge 2
 * (migration 16) a step merges `pages` leaf pages of any level holding two segments: a tidy index is
 * left alone, not rewritten.
 */
export function mergeSearchSegments(db: Db, pages = 100): boolean {
  const changes = () => (statement(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  const before = changes();
  statement(db, "INSERT INTO case_fts (case_fts, rank) VALUES ('merge', ?)").run(pages);
  // The command itself counts as one change; merged pages count as more.
  return changes() - before > 1;
}

/** How far a rebuild is: events folded of all in the log, then the indexes and totals made again. */
export interface RebuildProgress {
  stage: 'rebuilding' | 'indexing';
  done: number;
  total: number;
}

/** Events between two progress reports of a rebuild: a few times a second. */
const PROGRESS_EVERY = 2_000;

/** Tables refilled row by row in a rebuild whose indexes are cheaper to build once, sorted, afterwards. */
const BULK_TABLES = ['complaints', 'case_steps'];

/**
 * Drops every projection and folds it again from the log, in one transaction. The big tables' indexes
 * and the queue's counting triggers are set aside while they refill and made again at the end: one
 * sorted build per index instead of a million scattered updates (50,000 cases here: 52 → 40 s).
 */
export function rebuildProjections(db: Db, onProgress?: (progress: RebuildProgress) => void): void {
  db.transaction(() => {
    const total = onProgress ? countEvents(db) : 0;
    let done = 0;
    const setAside = db
      .prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')}) AND sql IS NOT NULL`)
      .all(...BULK_TABLES) as Array<{ type: 'index' | 'trigger'; name: string; sql: string }>;
    for (const { type, name } of setAside) db.exec(`DROP ${type.toUpperCase()} ${name}`);
    for (const table of PROJECTION_TABLES) statement(db, `DELETE FROM ${table}`).run();
    // Reference data first, so every case's deadlines are computed with it in place.
    writeSla(db, eventsOf(db, 'sla', SLA_ENTITY_ID));
    const sla = readSlaContext(db);
    let group: EventEnvelope[] = [];
    const flush = () => {
      const first = group[0];
      if (first && first.entity !== 'sla' && foldable(first.entity, first.entityId)) writeEntity(db, first.entity, first.entityId, group, () => sla, true);
      group = [];
    };
    for (const event of allEventsByEntity(db)) {
      const first = group[0];
      if (first && (first.entity !== event.entity || first.entityId !== event.entityId)) flush();
      group.push(event);
      if (onProgress && ++done % PROGRESS_EVERY === 0) onProgress({ stage: 'rebuilding', done, total });
    }
    flush();
    onProgress?.({ stage: 'indexing', done: total, total });
    for (const { sql } of setAside) db.exec(sql);
    recountCases(db);
    refillReportCells(db);
  })();
}

/** The queue's totals counted once from the refilled rows, as the triggers would have kept them. */
function recountCases(db: Db): void {
  db.exec(`DELETE FROM case_counts; ${COUNT_CASES}`);
}
