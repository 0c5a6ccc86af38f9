import { create } from 'zustand';
import type { CaseDetail, IntakeDraft } from '../../shared/contract.js';
import { call } from '../desk/client.js';
import type { Step } from '../../shared/guidance/steps.js';

export const EMPTY_DRAFT: IntakeDraft = { customerName: '', customerPhone: '', channel: null, description: '', expectation: '' };
const DRAFT_SAVE_DELAY_MS = 300;

type DraftStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: string } | { state: 'failed' };

interface IntakeState {
  /** The calming steps the clerk has marked done while talking to this customer. */
  guidance: { scriptVersion: number; stepsDone: Step[] } | null;
  markStep(step: Step, scriptVersion: number): void;
  draftStatus: DraftStatus;
  restoredAt: string | null;
  created: CaseDetail | null;
  /** Debounced: the last form contents reach the database within a fraction of a second. */
  scheduleDraftSave(draft: IntakeDraft): void;
  loadDraft(): Promise<IntakeDraft | null>;
  submit(draft: IntakeDraft): Promise<CaseDetail>;
  startNext(): Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const useIntake = create<IntakeState>((set, get) => ({
  guidance: null,
  markStep(step, scriptVersion) {
    const done = get().guidance?.stepsDone ?? [];
    set({ guidance: { scriptVersion, stepsDone: done.includes(step) ? done : [...done, step] } });
  },
  draftStatus: { state: 'idle' },
  restoredAt: null,
  created: null,
  scheduleDraftSave(draft) {
    clearTimeout(timer);
    set({ draftStatus: { state: 'saving' } });
    timer = setTimeout(() => {
      call('draft.save', { key: 'intake', data: draft })
        .then(({ savedAt }) => set({ draftStatus: { state: 'saved', at: savedAt } }))
        .catch(() => set({ draftStatus: { state: 'failed' } }));
    }, DRAFT_SAVE_DELAY_MS);
  },
  async loadDraft() {
    const draft = await call('draft.load', { key: 'intake' });
    set({ restoredAt: draft?.savedAt ?? null });
    return draft?.data ?? null;
  },
  async submit(draft) {
    clearTimeout(timer);
    const created = await call('case.create', {
      customer: { name: draft.customerName, phone: draft.customerPhone },
      channel: draft.channel as NonNullable<IntakeDraft['channel']>,
      description: draft.description,
      expectation: draft.expectation,
      guidance: get().guidance,
    });
    await call('draft.clear', { key: 'intake' });
    set({ created, restoredAt: null, draftStatus: { state: 'idle' } });
    return created;
  },
  async startNext() {
    clearTimeout(timer);
    await call('draft.clear', { key: 'intake' });
    set({ created: null, restoredAt: null, guidance: null, draftStatus: { state: 'idle' } });
  },
}));
