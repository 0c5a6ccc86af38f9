import { create } from 'zustand';
import type { Locale } from '../../shared/locale.js';
import type { Settings } from '../../shared/settings.js';
import { call } from '../desk/client.js';
import { setLocale } from '../i18n/index.js';
import { syncDeskClock } from './deskClock.js';

interface SettingsState {
  settings: Settings | null;
  load(): Promise<void>;
  save(changes: Partial<Settings>): Promise<Settings>;
  setLanguage(locale: Locale): Promise<void>;
}

export const useSettings = create<SettingsState>((set) => {
  const apply = (settings: Settings) => {
    setLocale(settings.locale);
    set({ settings });
    return settings;
  };
  return {
    settings: null,
    async load() {
      // The clock first: the first screen already shows times ("today", the promised contact).
      await syncDeskClock();
      apply(await call('settings.get', {}));
    },
    async save(changes) {
      return apply(await call('settings.set', changes));
    },
    async setLanguage(locale) {
      apply(await call('settings.setLocale', { locale }));
    },
  };
});
