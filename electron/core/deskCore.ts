import type { Db } from '../../db/open.js';
import { recordEvents } from '../../db/eventStore.js';
import { eventsOf, latestHlc } from '../../db/eventLog.js';
import { countCases, getCaseView, listCasesNewestFirst, maxCaseSeq, type CaseListRow } from '../../db/complaintQueries.js';
import { clearDraft, loadDraft, readAllSettings, readJson, saveDraft, writeJson } from '../../db/localState.js';
import type { CaseSummary, ParsedRequestOf, PushEventName, PushEventOf, ResponseOf, TimelineEntry, Channel } from '../../shared/contract.js';
import { IntakeDraft } from '../../shared/contract.js';
import { EVENT_SCHEMA_VERSION, type EventEnvelope } from '../../shared/events.js';
import { formatHlc, hlcWallMs, initialHlc, parseHlc, tickHlc, type HlcState } from '../../shared/hlc.js';
import { newId } from '../../shared/ids.js';
import { caseNumberPrefix, formatCaseNumber, localDateKey } from '../../shared/caseNumber.js';
import { DEFAULT_SETTINGS, Settings } from '../../shared/settings.js';
import type { Channel as CaseChannel } from '../../shared/complaint.js';
import type { Clock } from './clock.js';
import { DeskError } from './deskError.js';

export type Handlers = { [C in Channel]: (request: ParsedRequestOf<C>) => ResponseOf<C> };
type PushListener = <E extends PushEventName>(event: E, payload: PushEventOf<E>) => void;

export interface DeskCore {
  handlers: Handlers;
  deviceId: string;
  subscribe(listener: PushListener): () => void;
}

function summaryOf(row: CaseListRow): CaseSummary {
  return {
    id: row.id,
    caseNumber: row.case_number,
    customerName: row.customer_name,
    customerPhone: row.customer_phone,
    channel: row.channel as CaseChannel,
    status: row.status,
    receivedAt: row.received_at,
    conflictCount: row.conflict_count,
  };
}

function timelineEntryOf(event: EventEnvelope): TimelineEntry {
  return {
    id: event.id,
    type: event.type,
    actor: event.actor,
    device: event.device,
    hlc: event.hlc,
    at: new Date(hlcWallMs(event.hlc)).toISOString(),
    payload: (event.payload && typeof event.payload === 'object' ? event.payload : { value: event.payload }) as Record<
      string,
      unknown
    >,
  };
}

const encodeCursor = (next: { hlc: string; id: string } | null) => (next ? `${next.hlc}|${next.id}` : null);
function decodeCursor(cursor: string | undefined): { hlc: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [hlc, id] = cursor.split('|');
  if (!hlc || !id) throw new DeskError('invalid_request', 'malformed list cursor', [{ path: 'after', code: 'invalid_format' }]);
  return { hlc, id };
}

function deviceIdOf(db: Db): string {
  const existing = readJson<string>(db, 'meta', 'deviceId');
  if (existing) return existing;
  const id = newId();
  writeJson(db, 'meta', 'deviceId', id);
  return id;
}

/** The desk backend: every contract call, composed from db/ and shared/. Runs under plain Node. */
export function createDeskCore(db: Db, clock: Clock): DeskCore {
  const deviceId = deviceIdOf(db);
  const listeners = new Set<PushListener>();
  const push: PushListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };

  let hlc: HlcState = initialHlc(deviceId);
  const seen = latestHlc(db);
  if (seen) hlc = { ...parseHlc(seen), node: deviceId };
  const nextStamp = (now: number) => {
    hlc = tickHlc(hlc, now);
    return formatHlc(hlc);
  };

  const settings = (): Settings => Settings.parse({ ...DEFAULT_SETTINGS, ...readAllSettings(db) });
  const actor = () => settings().staffName || 'desk';

  const newEvent = (entityId: string, type: string, payload: unknown, now = clock.now()): EventEnvelope => ({
    id: newId(),
    entity: 'complaint',
    entityId,
    type,
    payload,
    actor: actor(),
    device: deviceId,
    hlc: nextStamp(now),
    schema: EVENT_SCHEMA_VERSION,
  });

  const caseDetail = (id: string) => {
    const view = getCaseView(db, id);
    if (!view) throw new DeskError('not_found', 'no such case');
    return view;
  };

  const handlers: Handlers = {
    'case.create': (request) => {
      const now = clock.now();
      const { branchCode, deviceCode, timeZone } = settings();
      const prefix = caseNumberPrefix(branchCode, deviceCode, localDateKey(now, timeZone));
      const id = newId();
      db.transaction(() => {
        const caseNumber = formatCaseNumber(prefix, maxCaseSeq(db, prefix) + 1);
        recordEvents(db, [
          newEvent(id, 'received', { ...request, caseNumber, branch: branchCode, receivedAt: new Date(now).toISOString() }, now),
        ]);
      })();
      push('case.changed', { id });
      const view = caseDetail(id);
      return { ...view, conflictCount: view.conflicts.length };
    },
    'case.list': ({ limit, after }) => {
      const page = listCasesNewestFirst(db, limit, decodeCursor(after));
      return { items: page.rows.map(summaryOf), next: encodeCursor(page.next), total: countCases(db) };
    },
    'case.get': ({ id }) => {
      const view = caseDetail(id);
      return {
        case: { ...view, conflictCount: view.conflicts.length },
        timeline: eventsOf(db, 'complaint', id).map(timelineEntryOf),
      };
    },
    'case.addNote': ({ id, text }) => {
      caseDetail(id);
      const event = newEvent(id, 'note_added', { text });
      recordEvents(db, [event]);
      push('case.changed', { id });
      return timelineEntryOf(event);
    },
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
    'settings.get': () => settings(),
    'settings.set': (changes) => {
      const next = Settings.parse({ ...settings(), ...changes });
      db.transaction(() => {
        for (const [key, value] of Object.entries(changes)) writeJson(db, 'settings', key, value);
      })();
      return next;
    },
  };

  return {
    handlers,
    deviceId,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
