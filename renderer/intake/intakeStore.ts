import { create } from 'zustand';
import type { CaseDetail, IntakeDraft } from '../../shared/contract.js';
import type { Classification } from '../../shared/classification.js';
import { newId } from '../../shared/ids.js';
import { call, DeskCallError } from '../desk/client.js';
import type { Step } from '../../shared/guidance/steps.js';
import type { SignalKind } from '../../shared/guidance/lexicons.js';

export const EMPTY_DRAFT: IntakeDraft = { customerName: '', customerPhone: '', channel: null, description: '', expectation: '' };
/** While the clerk keeps typing, the draft is written at least this often (a throttle, not a debounce). */
export const DRAFT_SAVE_EVERY_MS = 500;

type DraftStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: string } | { state: 'failed'; unreachable: boolean };

interface IntakeState {
  /** This form's submission id: every Ctrl+Enter, click and retry of the same form sends it. */
  requestId: string;
  /** The calming steps the clerk has marked done while talking to this customer. */
  guidance: { scriptVersion: number; stepsDone: Step[] } | null;
  markStep(step: Step, scriptVersion: number): void;
  draftStatus: DraftStatus;
  restoredAt: string | null;
  created: CaseDetail | null;
  /** Queues the form's contents for saving; "saved" is shown only once the latest contents are stored. */
  scheduleDraftSave(draft: IntakeDraft): void;
  loadDraft(): Promise<IntakeDraft | null>;
  /** `signals`: the escalation signals the guidance showed on the customer's words, kept with the case. */
  submit(draft: IntakeDraft, classification: Classification | null, signals: SignalKind[]): Promise<CaseDetail>;
  startNext(): Promise<void>;
}

let latest: IntakeDraft | null = null;
let latestVersion = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<void> | null = null;
let lastStarted = 0;
let submitting: Promise<CaseDetail> | null = null;

export const useIntake = create<IntakeState>((set, get) => {
  const saveNow = () => {
    timer = undefined;
    if (inFlight || !latest) return;
    const version = latestVersion;
    const data = { ...latest, requestId: get().requestId };
    lastStarted = Date.now();
    inFlight = call('draft.save', { key: 'intake', data })
      .then(({ savedAt }) => {
        // An older save's answer never claims the newer text is safe.
        if (version === latestVersion) set({ draftStatus: { state: 'saved', at: savedAt } });
      })
      .catch((error: unknown) => set({ draftStatus: { state: 'failed', unreachable: error instanceof DeskCallError && error.code === 'unreachable' } }))
      .finally(() => {
        inFlight = null;
        if (version !== latestVersion) schedule();
      });
  };
  const schedule = () => {
    if (timer || inFlight) return;
    timer = setTimeout(saveNow, Math.max(0, lastStarted + DRAFT_SAVE_EVERY_MS - Date.now()));
  };
  const forget = () => {
    clearTimeout(timer);
    timer = undefined;
    latest = null;
    latestVersion += 1;
  };

  return {
    requestId: newId(),
    guidance: null,
    markStep(step, scriptVersion) {
      const done = get().guidance?.stepsDone ?? [];
      set({ guidance: { scriptVersion, stepsDone: done.includes(step) ? done : [...done, step] } });
    },
    draftStatus: { state: 'idle' },
    restoredAt: null,
    created: null,
    scheduleDraftSave(draft) {
      latest = draft;
      latestVersion += 1;
      if (get().draftStatus.state !== 'saving') set({ draftStatus: { state: 'saving' } });
      schedule();
    },
    async loadDraft() {
      const draft = await call('draft.load', { key: 'intake' });
      // A restored draft keeps its request id: if it was submitted just before a crash, the same case comes back.
      set({ restoredAt: draft?.savedAt ?? null, ...(draft?.data.requestId ? { requestId: draft.data.requestId } : {}) });
      return draft?.data ?? null;
    },
    submit(draft, classification, signals) {
      submitting ??= (async () => {
        forget();
        await inFlight;
        const created = await call('case.create', {
          customer: { name: draft.customerName, phone: draft.customerPhone },
          channel: draft.channel as NonNullable<IntakeDraft['channel']>,
          description: draft.description,
          expectation: draft.expectation,
          guidance: get().guidance,
          signals,
          requestId: get().requestId,
          classification,
        }).catch((error: unknown) => {
          // Not submitted: what is on the screen stays the draft.
          get().scheduleDraftSave(draft);
          throw error;
        });
        set({ created, restoredAt: null, draftStatus: { state: 'idle' } });
        return created;
      })().finally(() => {
        submitting = null;
      });
      return submitting;
    },
    async startNext() {
      forget();
      await inFlight;
      await call('draft.clear', { key: 'intake' });
      set({ created: null, restoredAt: null, guidance: null, draftStatus: { state: 'idle' }, requestId: newId() });
    },
  };
});
