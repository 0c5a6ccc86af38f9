import { create } from 'zustand';
import type { CaseFilter, CaseSummary } from '../../shared/contract.js';
import { call } from '../desk/client.js';

const PAGE_SIZE = 50;
export const DEFAULT_FILTER: CaseFilter = { scope: 'all', state: 'open', sort: 'urgency' };

interface QueueState {
  filter: CaseFilter;
  items: CaseSummary[];
  total: number;
  next: string | null;
  loading: boolean;
  setFilter(changes: Partial<CaseFilter>): Promise<void>;
  refresh(): Promise<void>;
  loadMore(): Promise<void>;
}

export const useQueue = create<QueueState>((set, get) => ({
  filter: DEFAULT_FILTER,
  items: [],
  total: 0,
  next: null,
  loading: false,
  async setFilter(changes) {
    const filter = { ...get().filter, ...changes };
    for (const key of Object.keys(filter) as Array<keyof CaseFilter>) if (filter[key] === undefined) delete filter[key];
    set({ filter, items: [] });
    await get().refresh();
  },
  async refresh() {
    set({ loading: true });
    try {
      const page = await call('case.list', { ...get().filter, limit: Math.max(PAGE_SIZE, get().items.length) });
      set({ items: page.items, total: page.total, next: page.next });
    } finally {
      set({ loading: false });
    }
  },
  async loadMore() {
    const after = get().next;
    if (!after) return;
    set({ loading: true });
    try {
      const page = await call('case.list', { ...get().filter, limit: PAGE_SIZE, after });
      set({ items: [...get().items, ...page.items], total: page.total, next: page.next });
    } finally {
      set({ loading: false });
    }
  },
}));
