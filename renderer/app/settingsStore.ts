import { create } from 'zustand';
import type { Settings } from '../../shared/settings.js';
import { call } from '../desk/client.js';
import { setLocale } from '../i18n/index.js';

interface SettingsState {
  settings: Settings | null;
  load(): Promise<void>;
  save(changes: Partial<Settings>): Promise<Settings>;
}

export const useSettings = create<SettingsState>((set) => ({
  settings: null,
  async load() {
    const settings = await call('settings.get', {});
    setLocale(settings.locale);
    set({ settings });
  },
  async save(changes) {
    const settings = await call('settings.set', changes);
    setLocale(settings.locale);
    set({ settings });
    return settings;
  },
}));
