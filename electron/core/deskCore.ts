import type { Db } from '../../db/open.js';
import { firstManager, staffById, staffNames } from '../../db/referenceQueries.js';
import { deadlineCounts } from '../../db/complaintQueries.js';
import { reportBranches } from '../../db/reports.js';
import { clearDraft, loadDraft, readAllSettings, readJson, saveDraft, writeJson } from '../../db/localState.js';
import { IntakeDraft, type CaseActionRequest, type Channel, type ParsedRequestOf, type PushEventName, type PushEventOf, type ResponseOf } from '../../shared/contract.js';
import { newId } from '../../shared/ids.js';
import { reopensCase } from '../../shared/followUp.js';
import type { StaffView } from '../../shared/referenceFold.js';
import { DEFAULT_SETTINGS, Settings } from '../../shared/settings.js';
import type { Clock } from './clock.js';
import { DeskError } from './deskError.js';
import { createEventWriter } from './eventWriter.js';
import { createSessionStore } from './sessions.js';
import { createStaffService, requireRole } from './staffService.js';
import { createCustomerService } from './customerService.js';
import { createCaseService, summaryOfView } from './caseService.js';
import { createLibraryService } from './libraryService.js';
import { createReportService } from './reportService.js';
import { createSlaService, type Alarm } from './slaService.js';
import { createSyncClient, startSyncLoop, type SyncOptions } from './syncClient.js';
import { DEFAULT_SECRET_COST, macOf, sealGrant, signEvent, type SecretCost } from '../../keys/actorKeys.js';
import { saveGrant } from '../../db/syncQueries.js';
import type { Prover } from './eventWriter.js';
import { createAttachmentStore } from './attachmentStore.js';
import { createAttachmentSync } from './attachmentSync.js';
import { createFieldService } from './fieldService.js';

export interface CallContext {
  /** The signed-in person, for channels whose contract says `auth: 'staff'`; null otherwise. */
  staff: StaffView | null;
  session: string | null;
}

export type Handlers = { [C in Channel]: (request: ParsedRequestOf<C>, context: CallContext) => ResponseOf<C> | Promise<ResponseOf<C>> };
type PushListener = <E extends PushEventName>(event: E, payload: PushEventOf<E>) => void;

export interface DeskCore {
  handlers: Handlers;
  deviceId: string;
  /**
   * The deadline work that needs no person: automatic escalations, then alarms. With a batch size,
   * does at most that much in one transaction each and says whether more is waiting; progress of a
   * pass that takes several batches goes to the UI.
   */
  tick(batch?: number): { more: boolean };
  /** Starts syncing in the background whenever this desk is enrolled; returns the stop function. */
  startSync(intervalMs?: number): () => void;
  /** The active staff member behind a session token, or null. */
  resolveSession(session: unknown): StaffView | null;
  subscribe(listener: PushListener): () => void;
}

function deviceIdOf(db: Db): string {
  const existing = readJson<string>(db, 'meta', 'deviceId');
  if (existing) return existing;
  const id = newId();
  writeJson(db, 'meta', 'deviceId', id);
  return id;
}

const signedIn = (context: CallContext): StaffView => {
  if (!context.staff) throw new DeskError('signed_out', 'sign in first');
  return context.staff;
};

/** Beyond this many cases in one pull, open screens refresh on 'sync.done' instead of one notice per case. */
const MAX_CASE_NOTICES = 200;

/** The desk backend: every contract call, composed from db/ and shared/. Runs under plain Node. */
export interface DeskCoreOptions {
  sync?: SyncOptions;
  /** The scrypt cost of a credential per role; tests pass a cheaper one than the desk's default. */
  secretCost?: SecretCost;
}

export function createDeskCore(db: Db, clock: Clock, options: DeskCoreOptions = {}): DeskCore {
  const deviceId = deviceIdOf(db);
  const listeners = new Set<PushListener>();
  /** What a pass of deadline work that spans several batches has done so far. */
  let catchUp = { escalated: 0, alarms: 0 };
  let deadlinePass: 'escalations' | 'alarms' = 'escalations';
  let held: { escalated: string[]; alarms: Alarm[] } = { escalated: [], alarms: [] };
  const push: PushListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  const settings = (): Settings => Settings.parse({ ...DEFAULT_SETTINGS, ...readAllSettings(db) });
  const sessions = createSessionStore(clock);
  // Each event is proven by the person who makes it: a MAC under their session grant, or their signature.
  const prove: Prover = (event) => {
    const keys = sessions.keysOf(event.actor);
    if (!keys) return undefined;
    return keys.grant ? { grant: keys.grant.id, mac: macOf(keys.grant.key, event) } : { sig: signEvent(keys.privateKey, event) };
  };
  const writer = createEventWriter(db, clock, deviceId, prove);
  const attachments = createAttachmentStore(db, clock);
  const sync = createSyncClient(db, writer, clock, createAttachmentSync(db, attachments), options.sync);
  const field = createFieldService(db, clock, () => settings().timeZone, attachments);
  const staffService = createStaffService(db, writer, sessions, {
    branch: () => settings().branchCode,
    central: sync.signInCentral,
    secretCost: options.secretCost ?? DEFAULT_SECRET_COST,
    openGrant: (staffId, privateKey) => {
      const serverKey = sync.config()?.serverKey;
      if (!serverKey) return null;
      const { grant, key } = sealGrant(staffId, deviceId, privateKey, serverKey, clock.now());
      saveGrant(db, grant);
      return { id: grant.id, key };
    },
  });
  const customers = createCustomerService(db, writer);
  const sla = createSlaService(db, writer, clock);
  const cases = createCaseService(db, writer, customers, clock, settings, sla);
  const library = createLibraryService(db, writer);
  const reports = createReportService(db, writer, clock, settings);
  /** After a pull: the cases it touched refresh where they are open, then lists refresh. */
  const announcePull = ({ received, cases }: { received: number; cases: Set<string> }) => {
    if (cases.size <= MAX_CASE_NOTICES) for (const id of cases) push('case.changed', { id });
    push('sync.done', { received });
  };
  const syncRound = async () => {
    try {
      announcePull(await sync.syncOnce());
    } catch (error) {
      push('sync.done', { received: 0 });
      throw error;
    }
    return sync.status();
  };
  const saveSettings = (changes: Partial<Settings>) => {
    const next = Settings.parse({ ...settings(), ...changes });
    db.transaction(() => {
      for (const [key, value] of Object.entries(changes)) writeJson(db, 'settings', key, value);
    })();
    return next;
  };

  const handlers: Handlers = {
    'staff.roster': () => staffService.roster(),
    'staff.bootstrap': ({ name, pin, branchCode, deviceCode }) =>
      db.transaction(() => {
        // A desk knows who it is before its first case: every number it issues carries these codes.
        saveSettings({ branchCode, deviceCode });
        return staffService.bootstrap(name, pin);
      })(),
    'auth.signIn': ({ staffId, pin }) => staffService.signIn(staffId, pin),
    'auth.signOut': (_request, context) => ({ signedOut: sessions.close(context.session) }),
    'staff.enrol': ({ name, role, pin }, context) => staffService.enrol(signedIn(context), name, role, pin),
    'staff.deactivate': ({ id }, context) => staffService.deactivate(signedIn(context), id),
    'case.create': (request, context) => {
      const created = cases.create(signedIn(context), request);
      push('case.changed', { id: created.id });
      return created;
    },
    'case.list': (request, context) => cases.list(signedIn(context), request),
    'case.search': (request) => cases.search(request),
    'case.branches': () => ({ branches: reportBranches(db) }),
    'reports.get': (request, context) => reports.figures(signedIn(context), request),
    'reports.cases': (request, context) => reports.cases(signedIn(context), request),
    'reports.export': (request, context) => reports.export(signedIn(context), request),
    'case.searchExport': (request, context) => reports.searchExport(signedIn(context), request),
    'reports.monthlyExport': (request, context) => reports.monthlyExport(signedIn(context), request),
    'reports.monthly': (request, context) => reports.monthly(signedIn(context), request),
    'reports.monthlySave': (request, context) => reports.monthlySave(signedIn(context), request),
    'followUp.list': ({ scope }, context) => ({ items: cases.followUps(signedIn(context), scope) }),
    'case.get': ({ id }, context) => cases.get(signedIn(context), id),
    'case.act': ({ id, action }, context) => {
      // zod has checked the payload against its type's schema; the union type is lost in the generic output.
      const staff = signedIn(context);
      field.checkAction(action as CaseActionRequest);
      const result = cases.act(staff, id, action as CaseActionRequest);
      push('case.changed', { id });
      return result;
    },
    'intake.check': ({ phone, description }) => {
      const customer = customers.findByPhone(phone);
      const names = staffNames(db);
      const history = customers.history(customer, phone);
      return {
        customer,
        history: history.map((c) => summaryOfView(c, names)),
        repeats: customers.repeats(customer, phone, description, clock.now(), settings().repeatWindowDays),
        dissatisfied: history.reduce((n, c) => n + (c.followUps ?? []).filter((f) => f.kind === 'reached' && reopensCase(f)).length, 0),
      };
    },
    'customer.get': ({ id }) => {
      const customer = customers.get(id);
      const names = staffNames(db);
      const history = customers.history(customer, customer.phones[0] ?? '');
      const followUps = history.flatMap((c) => (c.followUps ?? []).map((f) => ({ ...f, caseId: c.id, caseNumber: c.caseNumber }))).sort((a, b) => b.at - a.at);
      return { customer, cases: history.map((c) => summaryOfView(c, names)), followUps };
    },
    'customer.update': ({ id, changes }, context) => customers.update(signedIn(context), id, changes),
    'draft.save': ({ key, data }) => {
      const savedAt = new Date(clock.now()).toISOString();
      saveDraft(db, key, data, savedAt);
      return { savedAt };
    },
    'draft.load': ({ key }) => {
      const draft = loadDraft(db, key);
      if (!draft) return null;
      const data = IntakeDraft.safeParse(draft.data);
      return data.success ? { data: data.data, savedAt: draft.savedAt } : null;
    },
    'draft.clear': ({ key }) => ({ cleared: clearDraft(db, key) }),
    'field.jobs': ({ scope }, context) => ({ items: field.jobs(signedIn(context), scope) }),
    'attachment.add': ({ data, mediaType }, context) => (signedIn(context), field.addAttachment(data, mediaType)),
    'attachment.get': ({ hash }, context) => (signedIn(context), field.getAttachment(hash)),
    'library.get': () => library.current(),
    'library.publishAnswer': ({ answer }, context) => library.publishAnswer(signedIn(context), answer),
    'library.publishScripts': ({ scripts }, context) => library.publishScripts(signedIn(context), scripts),
    'library.publishLexicon': ({ lexicon }, context) => library.publishLexicon(signedIn(context), lexicon),
    'library.publishCatalogue': ({ catalogue }, context) => library.publishCatalogue(signedIn(context), catalogue),
    'sla.get': () => {
      const ctx = sla.context();
      const branch = settings().branchCode;
      return { policy: ctx.latestPolicy, years: ctx.years, hours: ctx.hoursOf(branch), branch };
    },
    'sla.promise': () => ({ at: sla.promise(settings().branchCode) }),
    'sla.alarms': () => deadlineCounts(db, clock.now()),
    'sla.publishPolicy': ({ policy }, context) => {
      sla.publishPolicy(signedIn(context), policy);
      return { version: sla.context().latestPolicy.version };
    },
    'sla.publishCalendarYear': ({ year }, context) => {
      sla.publishCalendarYear(signedIn(context), year);
      return { years: sla.context().years.map((y) => y.year) };
    },
    'sla.setHours': ({ hours }, context) => {
      sla.setHours(signedIn(context), settings().branchCode, hours);
      return sla.context().hoursOf(settings().branchCode);
    },
    'sync.status': () => sync.status(),
    'sync.enrol': async ({ serverUrl, code }, context) => {
      requireRole(signedIn(context), ['manager']);
      const first = firstManager(db);
      if (!first?.credential) throw new DeskError('refused', 'this desk has no first manager with a key', { reason: 'no_first_manager' });
      const { branchCode, deviceCode } = settings();
      // The code must be for the desk this one was set up as: its case numbers are already out there.
      await sync.enrol(serverUrl, code, { deviceId, branch: branchCode, deviceCode }, { staffId: first.id, name: first.name, publicKey: first.credential.publicKey });
      return syncRound().catch(() => sync.status());
    },
    'sync.now': () => syncRound(),
    'settings.get': () => settings(),
    'clock.now': () => ({ now: clock.now() }),
    'settings.setLocale': ({ locale }) => saveSettings({ locale }),
    'settings.set': (changes, context) => {
      const staff = signedIn(context);
      const { locale, ...deskWide } = changes;
      // Codes, time zone and the repeat window shape every case number and record: managers only.
      if (Object.keys(deskWide).length > 0) requireRole(staff, ['manager']);
      const current = settings();
      const recoding = (deskWide.branchCode ?? current.branchCode) !== current.branchCode || (deskWide.deviceCode ?? current.deviceCode) !== current.deviceCode;
      // Once joined, the server knows this desk by its codes: numbers read out to customers never change prefix.
      if (recoding && sync.config()) throw new DeskError('refused', 'a joined desk keeps its branch and desk code', { reason: 'identity_fixed' });
      return db.transaction(() => {
        const before = settings();
        const saved = saveSettings(locale ? { ...deskWide, locale } : deskWide);
        // One time zone for the branch: case-number dates and deadlines must agree.
        if (deskWide.timeZone && deskWide.timeZone !== before.timeZone) {
          const hours = sla.context().hoursOf(saved.branchCode);
          sla.setHours(staff, saved.branchCode, { ...hours, timeZone: deskWide.timeZone });
        }
        return saved;
      })();
    },
  };

  return {
    handlers,
    deviceId,
    startSync(intervalMs) {
      return startSyncLoop(sync, announcePull, intervalMs);
    },
    tick(batch = -1) {
      const now = clock.now();
      // A pass escalates first, then rings alarms; a pass under way goes on where it stopped, so the
      // alarms of a long backlog never wait on a fresh walk over the escalations (nor the other way round).
      const escalations = deadlinePass === 'escalations' ? sla.escalateDue(now, batch) : { escalated: [], more: false };
      if (!escalations.more) deadlinePass = 'alarms';
      const { alarms, more: alarmsMore } = escalations.more ? { alarms: [], more: false } : sla.newAlarms(now, batch);
      const more = escalations.more || alarmsMore;
      if (!more) deadlinePass = 'escalations';
      catchUp = { escalated: catchUp.escalated + escalations.escalated.length, alarms: catchUp.alarms + alarms.length };
      // A handful rings one by one when the pass ends; a backlog (a desk back after a holiday) shows its
      // progress in the top bar and ends in one summary, not a flood.
      const handful = batch <= 0 || catchUp.escalated + catchUp.alarms <= batch;
      if (handful) {
        held.escalated.push(...escalations.escalated);
        held.alarms.push(...alarms);
      } else {
        push('deadlines.progress', { ...catchUp, finished: !more });
      }
      if (!more) {
        if (handful) {
          for (const id of held.escalated) push('case.changed', { id });
          for (const alarm of held.alarms) push('alarm', alarm);
        }
        catchUp = { escalated: 0, alarms: 0 };
        held = { escalated: [], alarms: [] };
      }
      return { more };
    },
    resolveSession(session) {
      const staffId = sessions.resolve(session);
      const staff = staffId ? staffById(db, staffId) : null;
      return staff?.active ? staff : null;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
