import { create } from 'zustand';
import { SHIPPED_LIBRARY, type Library } from '../../shared/guidance/library.js';
import { call } from '../desk/client.js';

interface LibraryState {
  library: Library;
  load(): Promise<void>;
  set(library: Library): void;
}

/** The scripts and answers in force on this desk: shipped ones until the published ones arrive. */
export const useLibrary = create<LibraryState>((set) => ({
  library: SHIPPED_LIBRARY,
  async load() {
    set({ library: await call('library.get', {}) });
  },
  set: (library) => set({ library }),
}));
