import { z } from 'zod';
import { CASE_STATUSES, CHANNELS, IntakeFields } from './complaint.js';
import { Classification, CONTENTS, Severity } from './classification.js';
import { ComplaintEventPayloads, CustomerEventPayloads, GuidanceRecord, IntakeSignals } from './events.js';
import { CASE_ACTIONS } from './lifecycle.js';
import { LOCALES } from './locale.js';
import { Settings } from './settings.js';
import { NOT_REACHED, SOLVED } from './followUp.js';
import { ReportFiguresSchema } from './reportFigures.js';
import { MonthlyReportPayload } from './monthlyReport.js';
import { BRANCH_CODE_PATTERN, DEVICE_CODE_PATTERN } from './caseNumber.js';
import { PIN_PATTERN, ROLES, StaffName } from './staff.js';
import { ScriptLibrary, StandardAnswer, WordingLibrary } from './guidance/library.js';
import { LexiconExtension } from './guidance/lexicons.js';
import { Policy } from './sla/policy.js';
import { CalendarYear } from './sla/calendar.js';
import { OpeningHoursSchema } from './sla/slaFold.js';
import { CatalogueContent, FieldCatalogue } from './fieldCatalogue.js';
import { ATTACHMENT_MEDIA_TYPES, AttachmentRef, HASH_PATTERN, WorkOrderSchema } from './workOrder.js';

export const SyncStatusSchema = z.object({
  configured: z.boolean(),
  serverUrl: z.string().nullable(),
  online: z.boolean(),
  syncing: z.boolean(),
  lastSyncAt: z.number().nullable(),
  lastError: z.string().nullable(),
  waiting: z.number().int(),
  refused: z.array(z.object({ eventId: z.string(), type: z.string(), reason: z.string() })),
  skewWarning: z.boolean(),
  /** Photos and signatures waiting to go to the server, and referred to here but not downloaded yet. */
  attachmentsUp: z.number().int().default(0),
  attachmentsDown: z.number().int().default(0),
});

export const CLOCK_STATES = ['ok', 'due_soon', 'overdue', 'paused'] as const;
export const ClockInfo = z.object({
  step: z.string(),
  startedAt: z.number(),
  dueAt: z.number(),
  dueSoonAt: z.number(),
  state: z.enum(CLOCK_STATES),
  minutesLeft: z.number(),
  dayMinutes: z.number(),
});
export type ClockInfo = z.infer<typeof ClockInfo>;

const LibraryResponse = z.object({ scripts: ScriptLibrary, answers: z.array(StandardAnswer), wording: WordingLibrary, lexicon: LexiconExtension, catalogue: FieldCatalogue });

/**
 * Every call the UI can make: channel → who may call it → request schema → response schema. The
 * preload, the Electron IPC handlers and the browser host are all derived from this one object.
 */
export const StaffSummary = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), branch: z.string(), active: z.boolean() });
export type StaffSummary = z.infer<typeof StaffSummary>;

export const CaseSummary = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  customerName: z.string(),
  customerPhone: z.string(),
  channel: z.enum(CHANNELS),
  status: z.enum(CASE_STATUSES),
  severity: Severity.nullable(),
  major: z.boolean(),
  ownerId: z.string(),
  ownerName: z.string(),
  chaseCount: z.number().int(),
  repeat: z.boolean(),
  receivedAt: z.string(),
  conflictCount: z.number().int(),
  slaStep: z.string().nullable(),
  dueAt: z.number().nullable(),
  clockState: z.enum(CLOCK_STATES).nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const TimelineEntry = z.object({
  id: z.string(),
  type: z.string(),
  actor: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  device: z.string(),
  /** The desk the event was made on as people call it ("BJ01-A"); null for the app's own events or a desk not seen yet. */
  deviceDesk: z.string().nullable(),
  hlc: z.string(),
  at: z.string(),
  payload: z.record(z.string(), z.unknown()),
  conflict: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

const FollowUpRecordSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reached'), at: z.number(), by: z.string(), satisfaction: z.number(), solved: z.enum(SOLVED), expectationMet: z.boolean().nullable(), improve: z.array(z.string()), suggestions: z.string() }),
  z.object({ kind: z.literal('not_reached'), at: z.number(), by: z.string(), outcome: z.enum(NOT_REACHED) }),
]);

export const CaseDetail = CaseSummary.extend({
  branch: z.string(),
  customerId: z.string().nullable(),
  description: z.string(),
  expectation: z.string(),
  repeatOf: z.array(z.object({ id: z.string(), caseNumber: z.string(), receivedAt: z.string() })),
  receivedBy: z.string(),
  receivedByName: z.string(),
  receivedDevice: z.string(),
  /** Until the customer is contacted: the time promised for that contact (the receipt prints it). */
  promisedContactAt: z.number().nullable(),
  classification: Classification.nullable(),
  findings: z.string().nullable(),
  proposal: z.object({ remedy: z.string(), compensation: z.string(), correctiveAction: z.string(), by: z.string() }).nullable(),
  followUp: ComplaintEventPayloads.followed_up.nullable(),
  followUps: z.array(FollowUpRecordSchema),
  followUpState: z.enum(['pending', 'reached', 'unreachable']).nullable(),
  followUpOwnerId: z.string().nullable(),
  execution: z.string().nullable(),
  feedback: z.string().nullable(),
  closing: z.object({ customerAccepted: z.boolean(), recourse: z.string() }).nullable(),
  reopenCount: z.number().int(),
  noteCount: z.number().int(),
  guidance: GuidanceRecord.nullable(),
  conflicts: z.array(z.object({ eventId: z.string(), type: z.string(), actor: z.string(), reason: z.string(), settled: z.boolean() })),
  /** The onsite visits booked on the case, oldest first. */
  workOrders: z.array(WorkOrderSchema.extend({ technicianName: z.string() })),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** The columns of an exported case list, in order (the UI names them in its language). */
export const EXPORT_COLUMNS = ['caseNumber', 'receivedAt', 'customer', 'phone', 'channel', 'status', 'severity', 'major', 'content', 'owner', 'closedAt', 'satisfaction'] as const;

/** What a search looks for: the text, and filters that combine with it. */
const SearchRequest = z.object({
  text: z.string().max(200),
  state: z.enum(['open', 'closed']).optional(),
  severity: Severity.optional(),
  content: z.enum(CONTENTS).optional(),
  branch: z.string().max(8).optional(),
  ownerId: z.string().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** How an exported case list is written: the file's kind, and its words in the reader's language. */
export const ExportOptions = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  /** Column titles and the words for codes come from the UI, so the file reads as the screen does. */
  columns: z.array(z.string().max(40)).length(EXPORT_COLUMNS.length),
  words: z.record(z.string().max(60), z.string().max(60)),
  sheet: z.string().max(31),
});
const ExportedFile = z.object({ fileName: z.string(), base64: z.string(), rows: z.number().int() });

export const REPORT_DIMENSIONS = ['content', 'severity', 'channel', 'day', 'satisfaction', 'owner', 'branch', 'signal', 'late_step', 'overdue', 'customer'] as const;
/** A report is a calendar month of the branch's time zone; branch empty means every branch held here. */
export const ReportRequest = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), branch: z.string().max(8).optional() });
/** One customer to call back: the case in brief, what was done and said, and how the calls went. */
export const FollowUpItem = CaseSummary.extend({
  description: z.string(),
  execution: z.string().nullable(),
  feedback: z.string().nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: z.number().nullable(),
  callerId: z.string(),
  callerName: z.string(),
});
export type FollowUpItem = z.infer<typeof FollowUpItem>;

export const CaseWithTimeline = z.object({
  case: CaseDetail,
  timeline: z.array(TimelineEntry),
  /** What the signed-in person may do now; everything else is not shown. */
  allowedActions: z.array(z.enum(CASE_ACTIONS)),
  /** The step that moves the case on now: shown as the one primary button when allowed. */
  nextStep: z.enum(CASE_ACTIONS).nullable(),
  /** The next step when it is not this person's to take: why, and which colleagues may. */
  blockedStep: z.object({ action: z.enum(CASE_ACTIONS), reason: z.string(), who: z.array(z.string()) }).nullable(),
  /** The nearest deadline and how much working time is left, in the branch's calendar. */
  clock: ClockInfo.nullable(),
});

/** The intake form as typed so far: anything goes, it is not a case yet. */
export const IntakeDraft = z.object({
  /** The form's submission id, kept with the draft so a restart after a submit cannot make a second case. */
  requestId: z.uuid().optional(),
  customerName: z.string().max(100),
  customerPhone: z.string().max(40),
  channel: z.enum(CHANNELS).nullable(),
  description: z.string().max(10_000),
  expectation: z.string().max(2_000),
});
export type IntakeDraft = z.infer<typeof IntakeDraft>;

export const DRAFT_KEYS = ['intake'] as const;

export const CaseFilter = z.object({
  scope: z.enum(['all', 'mine']).default('all'),
  state: z.enum(['open', 'closed', 'any']).default('any'),
  status: z.enum(CASE_STATUSES).optional(),
  severity: Severity.optional(),
  major: z.boolean().optional(),
  conflicts: z.boolean().optional(),
  repeat: z.boolean().optional(),
  sort: z.enum(['urgency', 'newest']).default('newest'),
});
export type CaseFilter = z.infer<typeof CaseFilter>;

export const ListCasesRequest = CaseFilter.extend({
  limit: z.number().int().min(1).max(500).default(50),
  /** Opaque cursor returned by the previous page. */
  after: z.string().max(200).optional(),
});

/** One action on a case: the event type and what it says (its payload schema). */
export const CaseActionRequest = z.discriminatedUnion(
  'type',
  CASE_ACTIONS.map((type) => z.object({ type: z.literal(type), payload: ComplaintEventPayloads[type] })) as unknown as [
    z.ZodObject<{ type: z.ZodLiteral<(typeof CASE_ACTIONS)[number]>; payload: z.ZodType }>,
  ],
);
export type CaseActionRequest = { [A in (typeof CASE_ACTIONS)[number]]: { type: A; payload: z.input<(typeof ComplaintEventPayloads)[A]> } }[(typeof CASE_ACTIONS)[number]];

export const CustomerDetail = z.object({
  id: z.string(),
  name: z.string(),
  phones: z.array(z.string()),
  notes: z.string(),
  tier: z.enum(['standard', 'vip', 'key_account']),
});

export const RepeatMatch = z.object({ id: z.string(), caseNumber: z.string(), receivedAt: z.string(), similarity: z.number() });

const Session = z.object({ session: z.string(), staff: StaffSummary });

/** One visit in a technician's list: the job, the case in the customer's words, and who the customer is to us. */
export const JobItem = z.object({
  workOrder: WorkOrderSchema,
  technicianName: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  caseStatus: z.enum(CASE_STATUSES),
  customerName: z.string(),
  description: z.string(),
  expectation: z.string(),
  severity: Severity.nullable(),
  major: z.boolean(),
  /** Earlier complaints of the same customer (by phone), and how many of them ended unhappy. */
  history: z.object({ cases: z.number().int(), unhappy: z.number().int() }),
});
export type JobItem = z.infer<typeof JobItem>;

/** Photos (as JPEG, re-encoded on the desk) and signatures (PNG); the base64 limit lets the core say "too large" itself. */
const AttachmentUpload = z.object({ mediaType: z.enum(ATTACHMENT_MEDIA_TYPES), data: z.base64().max(72_000_000) });

export const contract = {
  'staff.roster': {
    auth: 'public',
    request: z.object({}),
    response: z.object({ bootstrapNeeded: z.boolean(), staff: z.array(StaffSummary) }),
  },
  'staff.bootstrap': {
    auth: 'public',
    /** First start: the manager, and the branch and desk code every case number of this desk will carry. */
    request: z.object({
      name: StaffName,
      pin: z.string().regex(PIN_PATTERN),
      branchCode: z.string().trim().toUpperCase().regex(BRANCH_CODE_PATTERN),
      deviceCode: z.string().trim().toUpperCase().regex(DEVICE_CODE_PATTERN),
    }),
    response: Session,
  },
  'auth.signIn': {
    auth: 'public',
    request: z.object({ staffId: z.string().min(1).max(64), pin: z.string().min(1).max(64) }),
    response: Session,
  },
  'auth.signOut': { auth: 'staff', request: z.object({}), response: z.object({ signedOut: z.boolean() }) },
  'staff.enrol': {
    auth: 'staff',
    request: z.object({ name: StaffName, role: z.enum(ROLES), pin: z.string().regex(PIN_PATTERN) }),
    response: StaffSummary,
  },
  'staff.deactivate': { auth: 'staff', request: z.object({ id: z.uuid() }), response: StaffSummary },
  'case.create': {
    auth: 'staff',
    request: IntakeFields.extend({
      guidance: GuidanceRecord.nullable().default(null),
      signals: IntakeSignals,
      /** Set once per form: the same id sent again (a second Ctrl+Enter, a retry) returns the same case. */
      requestId: z.uuid().optional(),
      /** The classification the clerk confirmed at intake; the case starts classified. */
      classification: Classification.nullable().default(null),
    }),
    response: CaseDetail,
  },
  'case.list': {
    auth: 'staff',
    request: ListCasesRequest,
    response: z.object({ items: z.array(CaseSummary), next: z.string().nullable(), total: z.number().int() }),
  },
  'case.get': { auth: 'staff', request: z.object({ id: z.uuid() }), response: CaseWithTimeline },
  'case.act': { auth: 'staff', request: z.object({ id: z.uuid(), action: CaseActionRequest }), response: CaseWithTimeline },
  'intake.check': {
    auth: 'staff',
    request: z.object({ phone: z.string().max(40), name: z.string().max(100), description: z.string().max(10_000) }),
    response: z.object({
      customer: CustomerDetail.nullable(),
      history: z.array(CaseSummary),
      repeats: z.array(RepeatMatch),
      /** Earlier follow-ups at which this customer was not satisfied or the problem not solved. */
      dissatisfied: z.number().int(),
    }),
  },
  /** Cases by number (or its tail), customer, phone digits and what was written, best match first. */
  'case.search': {
    auth: 'staff',
    request: SearchRequest.extend({ limit: z.number().int().min(1).max(100).default(20) }),
    response: z.object({ items: z.array(CaseSummary.extend({ description: z.string() })) }),
  },
  /** The branches this desk holds cases of: one at a branch, every branch at HQ. */
  'case.branches': { auth: 'staff', request: z.object({}), response: z.object({ branches: z.array(z.string()) }) },
  /** Every case a search finds (not only the first page), as Excel or CSV; recorded like any export. */
  'case.searchExport': { auth: 'staff', request: SearchRequest.extend(ExportOptions.shape), response: ExportedFile },
  /** One month's figures for a branch (or every branch an HQ desk holds). */
  'reports.get': {
    auth: 'staff',
    request: ReportRequest,
    response: ReportFiguresSchema.extend({ branches: z.array(z.string()), ownerNames: z.record(z.string(), z.string()) }),
  },
  /** The cases behind one figure of a report, newest first. */
  'reports.cases': {
    auth: 'staff',
    request: ReportRequest.extend({ dimension: z.enum(REPORT_DIMENSIONS), value: z.string().max(64) }),
    response: z.object({ items: z.array(CaseSummary) }),
  },
  /** Cases of a report (or of one of its figures) as Excel or CSV; the export is recorded (who, what, when). */
  'reports.export': {
    auth: 'staff',
    request: ReportRequest.extend({ dimension: z.enum(REPORT_DIMENSIONS).optional(), value: z.string().max(64).optional() }).extend(ExportOptions.shape),
    response: ExportedFile,
  },
  /** The month's analysis: figures now and a month before, the major cases, and the version saved last. */
  'reports.monthly': {
    auth: 'staff',
    request: ReportRequest,
    response: z.object({
      draft: MonthlyReportPayload.omit({ version: true, actions: true }),
      saved: MonthlyReportPayload.extend({ savedBy: z.string(), savedByName: z.string(), savedAt: z.number() }).nullable(),
    }),
  },
  /** The month's analysis as a workbook: the tables the reader sees, one sheet per section; recorded as an export. */
  'reports.monthlyExport': {
    auth: 'staff',
    request: ReportRequest.extend({
      sheets: z
        .array(z.object({ name: z.string().min(1).max(31).regex(/^[^\\/?*[\]:]+$/), rows: z.array(z.array(z.union([z.string().max(8_000), z.number()])).max(20)).max(2_000) }))
        .min(1)
        .max(12),
    }),
    response: ExportedFile,
  },
  /** A manager saves the month's analysis with their improvement actions: the next version, an event. */
  'reports.monthlySave': { auth: 'staff', request: ReportRequest.extend({ actions: z.string().trim().max(8_000) }), response: z.object({ version: z.number().int() }) },
  /** The follow-ups to make: due, due soon and overdue, most urgent first. */
  'followUp.list': { auth: 'staff', request: z.object({ scope: z.enum(['all', 'mine']).default('all') }), response: z.object({ items: z.array(FollowUpItem) }) },
  'customer.get': {
    auth: 'staff',
    request: z.object({ id: z.uuid() }),
    /** With each follow-up's outcome, newest first: what the customer said when we called back. */
    response: z.object({ customer: CustomerDetail, cases: z.array(CaseSummary), followUps: z.array(FollowUpRecordSchema.and(z.object({ caseId: z.string(), caseNumber: z.string() }))) }),
  },
  'customer.update': {
    auth: 'staff',
    request: z.object({ id: z.uuid(), changes: CustomerEventPayloads.customer_updated }),
    response: CustomerDetail,
  },
  'draft.save': {
    auth: 'staff',
    request: z.object({ key: z.enum(DRAFT_KEYS), data: IntakeDraft }),
    response: z.object({ savedAt: z.string() }),
  },
  'draft.load': {
    auth: 'staff',
    request: z.object({ key: z.enum(DRAFT_KEYS) }),
    response: z.object({ data: IntakeDraft, savedAt: z.string() }).nullable(),
  },
  'draft.clear': { auth: 'staff', request: z.object({ key: z.enum(DRAFT_KEYS) }), response: z.object({ cleared: z.boolean() }) },
  /** The signed-in technician's visits (or, for a supervisor, everyone's): open ones and the day's, by appointment. */
  'field.jobs': { auth: 'staff', request: z.object({ scope: z.enum(['mine', 'all']).default('mine') }), response: z.object({ items: z.array(JobItem) }) },
  /** Stores a photo or signature on this desk (metadata removed); the event then refers to it by hash. */
  'attachment.add': { auth: 'staff', request: AttachmentUpload, response: AttachmentRef },
  /** A photo or signature by hash: 'missing' until it has been downloaded to this desk. */
  'attachment.get': {
    auth: 'staff',
    request: z.object({ hash: z.string().regex(HASH_PATTERN) }),
    response: z.discriminatedUnion('state', [z.object({ state: z.literal('present'), mediaType: z.enum(ATTACHMENT_MEDIA_TYPES), data: z.string() }), z.object({ state: z.literal('missing') })]),
  },
  'library.get': { auth: 'staff', request: z.object({}), response: LibraryResponse },
  'library.publishAnswer': { auth: 'staff', request: z.object({ answer: StandardAnswer.omit({ version: true }) }), response: LibraryResponse },
  'library.publishScripts': { auth: 'staff', request: z.object({ scripts: ScriptLibrary.omit({ version: true }) }), response: LibraryResponse },
  /** HQ publishes a new version of the parts catalogue and fault categories. */
  'library.publishCatalogue': { auth: 'staff', request: z.object({ catalogue: CatalogueContent }), response: LibraryResponse },
  'library.publishLexicon': { auth: 'staff', request: z.object({ lexicon: LexiconExtension.omit({ version: true }) }), response: LibraryResponse },
  'sla.get': {
    auth: 'staff',
    request: z.object({}),
    response: z.object({ policy: Policy, years: z.array(CalendarYear), hours: OpeningHoursSchema, branch: z.string() }),
  },
  'sla.promise': { auth: 'staff', request: z.object({}), response: z.object({ at: z.number() }) },
  /** How many open cases are overdue or due soon now, for the alarm badge after sign-in. */
  'sla.alarms': { auth: 'staff', request: z.object({}), response: z.object({ overdue: z.number().int(), dueSoon: z.number().int() }) },
  'sla.publishPolicy': { auth: 'staff', request: z.object({ policy: Policy.omit({ version: true }) }), response: z.object({ version: z.number() }) },
  'sla.publishCalendarYear': { auth: 'staff', request: z.object({ year: CalendarYear }), response: z.object({ years: z.array(z.number()) }) },
  'sla.setHours': { auth: 'staff', request: z.object({ hours: OpeningHoursSchema }), response: OpeningHoursSchema },
  'sync.status': { auth: 'staff', request: z.object({}), response: SyncStatusSchema },
  'sync.enrol': { auth: 'staff', request: z.object({ serverUrl: z.url({ protocol: /^https?$/ }), code: z.string().trim().min(6).max(64) }), response: SyncStatusSchema },
  'sync.now': { auth: 'staff', request: z.object({}), response: SyncStatusSchema },
  'settings.get': { auth: 'public', request: z.object({}), response: Settings },
  /** The desk's clock: every time the UI shows ("today 11:00", the promised contact) is read from it. */
  'clock.now': { auth: 'public', request: z.object({}), response: z.object({ now: z.number() }) },
  /** The language can be changed before anyone signs in. */
  'settings.setLocale': { auth: 'public', request: z.object({ locale: z.enum(LOCALES) }), response: Settings },
  'settings.set': { auth: 'staff', request: Settings.partial(), response: Settings },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNEL_NAMES = Object.keys(contract) as Channel[];
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the backend pushes to the UI. */
export const pushEvents = {
  'case.changed': z.object({ id: z.uuid() }),
  /** A deadline is near or has passed: raised once per step and threshold on this desk. */
  alarm: z.object({ caseId: z.uuid(), caseNumber: z.string(), step: z.string(), threshold: z.enum(['due_soon', 'overdue']) }),
  /** Deadline work caught up in batches (a desk back after a holiday): done so far, and whether it is over. */
  'deadlines.progress': z.object({ escalated: z.number().int(), alarms: z.number().int(), finished: z.boolean() }),
  /** A sync round ended: the UI refreshes what it shows and the sync state. */
  'sync.done': z.object({ received: z.number().int() }),
} as const;
export type PushEventName = keyof typeof pushEvents;
export type PushEventOf<E extends PushEventName> = z.output<(typeof pushEvents)[E]>;
export const PUSH_EVENT_NAMES = Object.keys(pushEvents) as PushEventName[];

export const ERROR_CODES = [
  'invalid_request',
  'unknown_channel',
  'offline',
  'not_found',
  'unauthorized',
  'signed_out',
  'forbidden',
  'refused',
  'wrong_pin',
  'locked',
  'already_set_up',
  'internal',
  /** The desk's own backend (core worker, browser host) did not answer: nothing was sent or saved. */
  'unreachable',
  /** A photo or signature over the size limit: nothing stored. */
  'too_large',
  /** Not a JPEG or PNG image (checked by its bytes): nothing stored. */
  'unsupported_type',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  path: string;
  code: string;
}

export interface DeskErrorBody {
  code: ErrorCode;
  /** English fallback for logs and developers; the UI shows the translation of `code`. */
  message: string;
  fields?: FieldIssue[];
  /** With `refused`: why the case's state machine said no (a RefusalReason). */
  reason?: string;
}

export type DeskResult<T> = { ok: true; value: T } | { ok: false; error: DeskErrorBody };

/** What `window.desk` is, whichever host carries it. The session travels beside the request. */
export interface DeskApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>, session?: string): Promise<DeskResult<ResponseOf<C>>>;
  /** Returns the function that unsubscribes (function identity does not survive contextBridge). */
  on<E extends PushEventName>(event: E, listener: (payload: PushEventOf<E>) => void): () => void;
}
