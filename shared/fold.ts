import type { CaseStatus, Channel } from './complaint.js';
import { ComplaintEventPayloads, type EventEnvelope } from './events.js';
import { parseCaseNumber } from './caseNumber.js';

/** The case as every replica sees it after folding the same events: a pure function of the log. */
export interface CaseView {
  id: string;
  caseNumber: string;
  casePrefix: string;
  caseSeq: number;
  branch: string;
  customerName: string;
  customerPhone: string;
  channel: Channel;
  description: string;
  expectation: string;
  status: CaseStatus;
  receivedAt: string;
  receivedBy: string;
  receivedDevice: string;
  receivedHlc: string;
  lastHlc: string;
  noteCount: number;
  eventCount: number;
  /** Events this version of the app cannot interpret (a newer app wrote them); kept, never dropped. */
  unknownEventCount: number;
  /** Events that arrived before the case's `received` event or are otherwise out of place. */
  conflicts: Array<{ eventId: string; type: string; reason: 'before_received' | 'duplicate_received' | 'invalid_payload' }>;
}

export const byHlc = (a: Pick<EventEnvelope, 'hlc' | 'id'>, b: Pick<EventEnvelope, 'hlc' | 'id'>): number =>
  a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Folds one complaint's events, in HLC order, into its view. Never throws on a bad or
 * out-of-place event: it is counted as a conflict so the owner can settle it. Returns null
 * while the case has no valid `received` event yet (e.g. a note synced ahead of its case).
 */
export function foldCase(events: readonly EventEnvelope[]): CaseView | null {
  const ordered = [...events].sort(byHlc);
  let view: CaseView | null = null;
  const pendingConflicts: CaseView['conflicts'] = [];
  for (const event of ordered) {
    if (event.type === 'received') {
      const parsed = ComplaintEventPayloads.received.safeParse(event.payload);
      const number = parsed.success ? parseCaseNumber(parsed.data.caseNumber) : null;
      if (!parsed.success || !number) {
        (view?.conflicts ?? pendingConflicts).push({ eventId: event.id, type: event.type, reason: 'invalid_payload' });
        continue;
      }
      if (view) {
        view.conflicts.push({ eventId: event.id, type: event.type, reason: 'duplicate_received' });
        view.eventCount += 1;
        view.lastHlc = event.hlc;
        continue;
      }
      const p = parsed.data;
      view = {
        id: event.entityId,
        caseNumber: p.caseNumber,
        casePrefix: number.prefix,
        caseSeq: number.seq,
        branch: p.branch,
        customerName: p.customer.name,
        customerPhone: p.customer.phone,
        channel: p.channel,
        description: p.description,
        expectation: p.expectation,
        status: 'received',
        receivedAt: p.receivedAt,
        receivedBy: event.actor,
        receivedDevice: event.device,
        receivedHlc: event.hlc,
        lastHlc: event.hlc,
        noteCount: 0,
        eventCount: 1,
        unknownEventCount: 0,
        conflicts: pendingConflicts.splice(0),
      };
      continue;
    }
    if (!view) {
      pendingConflicts.push({ eventId: event.id, type: event.type, reason: 'before_received' });
      continue;
    }
    view.eventCount += 1;
    view.lastHlc = event.hlc;
    if (event.type === 'note_added') {
      if (ComplaintEventPayloads.note_added.safeParse(event.payload).success) view.noteCount += 1;
      else view.conflicts.push({ eventId: event.id, type: event.type, reason: 'invalid_payload' });
    } else {
      view.unknownEventCount += 1;
    }
  }
  return view;
}
