import { create } from 'zustand';
import type { ResponseOf } from '../../shared/contract.js';
import { call } from '../desk/client.js';

type Status = ResponseOf<'sync.status'>;

interface SyncState {
  status: Status | null;
  refresh(): Promise<void>;
  syncNow(): Promise<void>;
}

/** What the top bar shows at all times: online or not, events waiting, last sync, refusals. */
export const useSync = create<SyncState>((set) => ({
  status: null,
  async refresh() {
    set({ status: await call('sync.status', {}) });
  },
  async syncNow() {
    try {
      set({ status: await call('sync.now', {}) });
    } finally {
      set({ status: await call('sync.status', {}) });
    }
  },
}));
