import { z } from 'zod';
import { CHANNELS, IntakeFields } from './complaint.js';
import { Settings } from './settings.js';

/**
 * Every call the UI can make: channel → request schema → response schema. The preload, the
 * Electron IPC handlers and the browser host are all derived from this one object.
 */
export const CaseSummary = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  customerName: z.string(),
  customerPhone: z.string(),
  channel: z.enum(CHANNELS),
  status: z.string(),
  receivedAt: z.string(),
  conflictCount: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const TimelineEntry = z.object({
  id: z.string(),
  type: z.string(),
  actor: z.string(),
  device: z.string(),
  hlc: z.string(),
  at: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const CaseDetail = CaseSummary.extend({
  branch: z.string(),
  description: z.string(),
  expectation: z.string(),
  receivedBy: z.string(),
  receivedDevice: z.string(),
  noteCount: z.number().int(),
  conflicts: z.array(z.object({ eventId: z.string(), type: z.string(), reason: z.string() })),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** The intake form as typed so far: anything goes, it is not a case yet. */
export const IntakeDraft = z.object({
  customerName: z.string().max(100),
  customerPhone: z.string().max(40),
  channel: z.enum(CHANNELS).nullable(),
  description: z.string().max(10_000),
  expectation: z.string().max(2_000),
});
export type IntakeDraft = z.infer<typeof IntakeDraft>;

export const DRAFT_KEYS = ['intake'] as const;

export const ListCasesRequest = z.object({
  limit: z.number().int().min(1).max(500).default(50),
  /** Opaque cursor returned by the previous page. */
  after: z.string().max(200).optional(),
});

export const contract = {
  'case.create': {
    request: IntakeFields,
    response: CaseDetail,
  },
  'case.list': {
    request: ListCasesRequest,
    response: z.object({ items: z.array(CaseSummary), next: z.string().nullable(), total: z.number().int() }),
  },
  'case.get': {
    request: z.object({ id: z.uuid() }),
    response: z.object({ case: CaseDetail, timeline: z.array(TimelineEntry) }),
  },
  'case.addNote': {
    request: z.object({ id: z.uuid(), text: z.string().trim().min(1).max(10_000) }),
    response: TimelineEntry,
  },
  'draft.save': {
    request: z.object({ key: z.enum(DRAFT_KEYS), data: IntakeDraft }),
    response: z.object({ savedAt: z.string() }),
  },
  'draft.load': {
    request: z.object({ key: z.enum(DRAFT_KEYS) }),
    response: z.object({ data: IntakeDraft, savedAt: z.string() }).nullable(),
  },
  'draft.clear': {
    request: z.object({ key: z.enum(DRAFT_KEYS) }),
    response: z.object({ cleared: z.boolean() }),
  },
  'settings.get': {
    request: z.object({}),
    response: Settings,
  },
  'settings.set': {
    request: Settings.partial(),
    response: Settings,
  },
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
} as const;
export type PushEventName = keyof typeof pushEvents;
export type PushEventOf<E extends PushEventName> = z.output<(typeof pushEvents)[E]>;
export const PUSH_EVENT_NAMES = Object.keys(pushEvents) as PushEventName[];

export const ERROR_CODES = ['invalid_request', 'unknown_channel', 'not_found', 'unauthorized', 'internal'] as const;
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
}

export type DeskResult<T> = { ok: true; value: T } | { ok: false; error: DeskErrorBody };

/** What `window.desk` is, whichever host carries it. */
export interface DeskApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<DeskResult<ResponseOf<C>>>;
  /** Returns the function that unsubscribes (function identity does not survive contextBridge). */
  on<E extends PushEventName>(event: E, listener: (payload: PushEventOf<E>) => void): () => void;
}
