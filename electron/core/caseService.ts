import type { Db } from '../../db/open.js';
import { eventsOf } from '../../db/eventLog.js';
import { awaitingFollowUp, searchCases, caseNumbersOf, caseOfRequest, getCaseView, listCases, maxCaseSeq, recordRequest, type CaseListRow } from '../../db/complaintQueries.js';
import { MAX_FOLLOW_UP_ATTEMPTS } from '../../shared/followUp.js';
import { nextWorkingDayOpening } from '../../shared/sla/workingTime.js';
import { instantOf, nextDate } from '../../shared/sla/time.js';
import { searchQuery } from '../../shared/search.js';
import { clearDraft, loadDraft } from '../../db/localState.js';
import { allStaff, deskCodes, staffById, staffNames } from '../../db/referenceQueries.js';
import type { CaseActionRequest, CaseDetail, CaseSummary, FollowUpItem, ParsedRequestOf, ResponseOf, TimelineEntry } from '../../shared/contract.js';
import type { Channel as CaseChannel, CaseStatus } from '../../shared/complaint.js';
import type { Severity } from '../../shared/classification.js';
import type { CaseView } from '../../shared/fold.js';
import type { EventEnvelope } from '../../shared/events.js';
import { hlcWallMs } from '../../shared/hlc.js';
import { clockState, NEVER_DUE } from '../../shared/sla/clocks.js';
import { contactDueAt } from '../../shared/sla/slaFold.js';
import { newId } from '../../shared/ids.js';
import { allowedActions, blockedStep, nextStep, refusal } from '../../shared/lifecycle.js';
import { caseNumberPrefix, formatCaseNumber, localDateKey } from '../../shared/caseNumber.js';
import type { StaffView } from '../../shared/referenceFold.js';
import type { Settings } from '../../shared/settings.js';
import type { Clock } from './clock.js';
import { DeskError } from './deskError.js';
import type { EventWriter } from './eventWriter.js';
import type { CustomerService } from './customerService.js';
import type { SlaService } from './slaService.js';

type Names = Map<string, string>;
const nameOf = (names: Names, id: string) => names.get(id) ?? id;


export function summaryOfRow(row: CaseListRow, names: Names, now: number): CaseSummary {
  return {
    slaStep: row.sla_step,
    dueAt: row.due_at !== null && row.due_at < NEVER_DUE ? row.due_at : null,
    clockState: row.due_at !== null && row.due_soon_at !== null ? clockState({ dueAt: row.due_at, dueSoonAt: row.due_soon_at }, now) : null,
    id: row.id,
    caseNumber: row.case_number,
    customerName: row.customer_name,
    customerPhone: row.customer_phone,
    channel: row.channel as CaseChannel,
    status: row.status as CaseStatus,
    severity: row.severity as Severity | null,
    major: row.major === 1,
    ownerId: row.owner_id,
    ownerName: nameOf(names, row.owner_id),
    chaseCount: row.chase_count,
    repeat: row.is_repeat === 1,
    receivedAt: row.received_at,
    conflictCount: row.conflict_count,
  };
}

export function summaryOfView(view: CaseView, names: Names, clock: Pick<CaseSummary, 'slaStep' | 'dueAt' | 'clockState'> = { slaStep: null, dueAt: null, clockState: null }): CaseSummary {
  return {
    ...clock,
    id: view.id,
    caseNumber: view.caseNumber,
    customerName: view.customerName,
    customerPhone: view.customerPhone,
    channel: view.channel,
    status: view.status,
    severity: view.severity,
    major: view.major,
    ownerId: view.ownerId,
    ownerName: nameOf(names, view.ownerId),
    chaseCount: view.chaseCount,
    repeat: view.repeatOf.length > 0,
    receivedAt: view.receivedAt,
    conflictCount: view.conflicts.filter((c) => !c.settled).length,
  };
}

function timelineEntryOf(event: EventEnvelope, names: Names, desks: Names, view: CaseView): TimelineEntry {
  return {
    id: event.id,
    type: event.type,
    actor: event.actor,
    actorName: event.actorRole === 'system' ? '' : nameOf(names, event.actor),
    actorRole: event.actorRole,
    device: event.device,
    deviceDesk: desks.get(event.device) ?? null,
    hlc: event.hlc,
    at: new Date(hlcWallMs(event.hlc)).toISOString(),
    payload: (event.payload && typeof event.payload === 'object' ? event.payload : { value: event.payload }) as Record<string, unknown>,
    conflict: view.conflicts.find((c) => c.eventId === event.id)?.reason ?? null,
  };
}

/** The colleague an action names: the new owner, the follow-up caller, or who takes a major case back. */
function targetOf(action: CaseActionRequest): string | null {
  switch (action.type) {
    case 'handed_over':
      return action.payload.toId;
    case 'assigned':
      return action.payload.ownerId;
    case 'follow_up_assigned':
      return action.payload.toId;
    case 'followed_up':
      return action.payload.returnTo ?? null;
    default:
      return null;
  }
}

const encodeOffset = (offset: number) => String(offset);
function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const offset = Number(cursor);
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new DeskError('invalid_request', 'malformed list cursor', { fields: [{ path: 'after', code: 'invalid_format' }] });
  }
  return offset;
}

/** The cases a search finds, best first; its dates are the branch's calendar days. */
export function searchRows(db: Db, request: Omit<ParsedRequestOf<'case.search'>, 'limit'>, timeZone: string, limit: number) {
  const match = searchQuery(request.text);
  if (!match) return [];
  const dayStart = (date: string) => instantOf(date, 0, timeZone);
  return searchCases(
    db,
    match,
    {
      ...(request.state ? { state: request.state } : {}),
      ...(request.severity !== undefined ? { severity: request.severity } : {}),
      ...(request.content ? { content: request.content } : {}),
      ...(request.branch ? { branch: request.branch } : {}),
      ...(request.ownerId ? { ownerId: request.ownerId } : {}),
      ...(request.from ? { fromMs: dayStart(request.from) } : {}),
      ...(request.to ? { toMs: dayStart(nextDate(request.to)) } : {}),
    },
    limit,
  );
}

/** Complaints: intake, the queue, the case with its timeline, and every action of the lifecycle. */
export function createCaseService(db: Db, writer: EventWriter, customers: CustomerService, clock: Clock, settings: () => Settings, sla: SlaService) {
  /** Device ids → desk codes, this desk's own included even before it has taken a case. */
  const desks = (): Names => {
    const { branchCode, deviceCode } = settings();
    return new Map([...deskCodes(db), [writer.deviceId, `${branchCode}-${deviceCode}`]]);
  };
  const view = (id: string) => {
    const found = getCaseView(db, id);
    if (!found) throw new DeskError('not_found', 'no such case');
    return found;
  };

  const detail = (v: CaseView, names: Names, info = sla.clockOf(v)): CaseDetail => ({
    ...summaryOfView(v, names, { slaStep: info?.step ?? null, dueAt: info && info.state !== 'paused' ? info.dueAt : null, clockState: info?.state ?? null }),
    branch: v.branch,
    customerId: v.customerId,
    description: v.description,
    expectation: v.expectation,
    repeatOf: caseNumbersOf(db, v.repeatOf).map((r) => ({ id: r.id, caseNumber: r.case_number, receivedAt: r.received_at })),
    receivedBy: v.receivedBy,
    receivedByName: nameOf(names, v.receivedBy),
    receivedDevice: v.receivedDevice,
    promisedContactAt: contactDueAt(v, sla.context()),
    classification: v.classification,
    findings: v.findings,
    proposal: v.proposal,
    followUp: v.followUp,
    followUps: v.followUps ?? [],
    followUpState: v.followUpState ?? null,
    followUpOwnerId: v.followUpOwnerId ?? null,
    execution: v.execution ?? null,
    feedback: v.feedback ?? null,
    closing: v.closing,
    reopenCount: v.reopenCount,
    noteCount: v.noteCount,
    guidance: v.guidance,
    conflicts: v.conflicts,
    workOrders: (v.workOrders ?? []).map((o) => ({ ...o, technicianName: nameOf(names, o.technicianId) })),
  });

  const explainBlocked = (v: CaseView, staff: StaffView, names: Names) => {
    const blocked = blockedStep(v, staff, allStaff(db).filter((s) => s.active));
    return blocked && { ...blocked, who: blocked.who.map((id) => nameOf(names, id)) };
  };

  const withTimeline = (staff: StaffView, id: string): ResponseOf<'case.get'> => {
    const v = view(id);
    const names = staffNames(db);
    const clockInfo = sla.clockOf(v);
    return {
      case: detail(v, names, clockInfo),
      timeline: eventsOf(db, 'complaint', id).map((e) => timelineEntryOf(e, names, desks(), v)),
      allowedActions: allowedActions(v, staff),
      nextStep: nextStep(v),
      blockedStep: explainBlocked(v, staff, names),
      clock: clockInfo,
    };
  };

  return {
    create(staff: StaffView, request: ParsedRequestOf<'case.create'>): CaseDetail {
      const now = clock.now();
      const { branchCode, deviceCode, timeZone, repeatWindowDays } = settings();
      const prefix = caseNumberPrefix(branchCode, deviceCode, localDateKey(now, timeZone));
      const { requestId, classification, ...intake } = request;
      const id = db.transaction(() => {
        const earlier = requestId ? caseOfRequest(db, requestId) : null;
        if (earlier) return earlier;
        const caseId = newId();
        const known = customers.findByPhone(intake.customer.phone);
        const customer = customers.resolveForIntake(known, intake.customer.name, intake.customer.phone);
        const repeatOf = customers.repeats(known, intake.customer.phone, intake.description, now, repeatWindowDays).map((m) => m.id);
        const caseNumber = formatCaseNumber(prefix, maxCaseSeq(db, prefix) + 1);
        writer.write(
          [
            ...customer.events,
            {
              entity: 'complaint',
              entityId: caseId,
              type: 'received',
              payload: {
                ...intake,
                caseNumber,
                branch: branchCode,
                receivedAt: new Date(now).toISOString(),
                customerId: customer.customerId,
                repeatOf,
                policyVersion: sla.context().latestPolicy.version,
              },
            },
            ...(classification ? [{ entity: 'complaint' as const, entityId: caseId, type: 'classified', payload: classification }] : []),
          ],
          staff,
          now,
        );
        if (requestId) {
          recordRequest(db, requestId, caseId, now);
          // The draft that became this case goes with it, in the same transaction.
          const draft = loadDraft(db, 'intake');
          if ((draft?.data as { requestId?: string } | undefined)?.requestId === requestId) clearDraft(db, 'intake');
        }
        return caseId;
      })();
      return detail(view(id), staffNames(db));
    },

    list(staff: StaffView, request: ParsedRequestOf<'case.list'>): ResponseOf<'case.list'> {
      const offset = decodeOffset(request.after);
      const { rows, total } = listCases(db, request, staff.id, request.limit, offset);
      const names = staffNames(db);
      const nextOffset = offset + rows.length;
      const now = clock.now();
      return { items: rows.map((r) => summaryOfRow(r, names, now)), total, next: nextOffset < total ? encodeOffset(nextOffset) : null };
    },

    get: withTimeline,

    /** Search as the person types: the text through FTS5 (shared/search.ts), the filters beside it. */
    search(request: ParsedRequestOf<'case.search'>): ResponseOf<'case.search'> {
      const rows = searchRows(db, request, settings().timeZone, request.limit);
      const names = staffNames(db);
      const now = clock.now();
      return { items: rows.map((r) => ({ ...summaryOfRow(r, names, now), description: r.description })) };
    },

    /** The follow-up calls to make: the case in brief, what was done and said, how the calls went. */
    followUps(staff: StaffView, scope: 'all' | 'mine'): FollowUpItem[] {
      const names = staffNames(db);
      const now = clock.now();
      const ctx = sla.context();
      return awaitingFollowUp(db)
        .map(({ row, view: v }) => {
          const callerId = v.followUpOwnerId ?? v.ownerId;
          const attempts = v.followUpAttempts ?? [];
          const last = attempts[attempts.length - 1];
          return {
            ...summaryOfRow(row, names, now),
            description: v.description,
            execution: v.execution ?? null,
            feedback: v.feedback ?? null,
            attempts: attempts.length,
            maxAttempts: MAX_FOLLOW_UP_ATTEMPTS,
            // Another try is another day: the branch's next opening after the last call.
            nextAttemptAt: last ? nextWorkingDayOpening(last.at, ctx.calendar, ctx.hoursOf(v.branch)) : null,
            callerId,
            callerName: nameOf(names, callerId),
          };
        })
        .filter((item) => scope === 'all' || item.callerId === staff.id);
    },

    act(staff: StaffView, id: string, action: CaseActionRequest): ResponseOf<'case.act'> {
      db.transaction(() => {
        const v = view(id);
        const target = targetOf(action);
        const colleague = target ? staffById(db, target) : null;
        if (target && !colleague?.active) {
          throw new DeskError('invalid_request', 'the colleague named is not an active member of staff', { fields: [{ path: 'action.payload', code: 'unknown_staff' }] });
        }
        // A major case that goes back to work after a follow-up goes to management, not to a clerk.
        if (action.type === 'followed_up' && colleague && colleague.role !== 'supervisor' && colleague.role !== 'manager') {
          throw new DeskError('invalid_request', 'a major case goes back to a supervisor or manager', { fields: [{ path: 'action.payload.returnTo', code: 'not_supervisor' }] });
        }
        // The same check the fold makes on every replica: refused here, it never enters the log.
        const refused = refusal(v, action.type, staff, action.payload);
        if (refused) throw new DeskError('refused', `action ${action.type} refused: ${refused}`, { reason: refused });
        writer.write([{ entity: 'complaint', entityId: id, type: action.type, payload: action.payload }], staff);
      })();
      return withTimeline(staff, id);
    },
  };
}
