import { create } from 'zustand';

export type View = { name: 'intake' } | { name: 'queue' } | { name: 'followup' } | { name: 'reports' } | { name: 'case'; id: string } | { name: 'library' } | { name: 'settings' } | { name: 'jobs' } | { name: 'workOrder'; caseId: string; workOrderId: string };

interface NavState {
  view: View;
  go(view: View): void;
}

export const useNav = create<NavState>((set) => ({
  view: { name: 'intake' },
  go: (view) => set({ view }),
}));
