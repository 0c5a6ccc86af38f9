import { create } from 'zustand';
import type { CaseSummary } from '../../shared/contract.js';
import { call } from '../desk/client.js';

const PAGE_SIZE = 50;

interface QueueState {
  items: CaseSummary[];
  total: number;
  next: string | null;
  loading: boolean;
  refresh(): Promise<void>;
  loadMore(): Promise<void>;
}

export const useQueue = create<QueueState>((set, get) => ({
  items: [],
  total: 0,
  next: null,
  loading: false,
  async refresh() {
    set({ loading: true });
    try {
      const page = await call('case.list', { limit: Math.max(PAGE_SIZE, get().items.length) });
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
      const page = await call('case.list', { limit: PAGE_SIZE, after });
      set({ items: [...get().items, ...page.items], total: page.total, next: page.next });
    } finally {
      set({ loading: false });
    }
  },
}));
