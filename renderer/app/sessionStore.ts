import { create } from 'zustand';
import type { StaffSummary } from '../../shared/contract.js';
import { call, setSessionToken } from '../desk/client.js';
import { useSettings } from './settingsStore.js';

interface SessionState {
  staff: StaffSummary | null;
  roster: StaffSummary[];
  bootstrapNeeded: boolean;
  loadRoster(): Promise<void>;
  signIn(staffId: string, pin: string): Promise<void>;
  bootstrap(name: string, pin: string, branchCode: string, deviceCode: string): Promise<void>;
  signOut(): Promise<void>;
}

/** Who is at the desk. The token stays in memory only: closing the app signs everyone out. */
export const useSession = create<SessionState>((set, get) => {
  const signedIn = (session: string, staff: StaffSummary) => {
    setSessionToken(session, () => set({ staff: null }));
    set({ staff });
  };
  return {
    staff: null,
    roster: [],
    bootstrapNeeded: false,
    async loadRoster() {
      const { staff, bootstrapNeeded } = await call('staff.roster', {});
      set({ roster: staff, bootstrapNeeded });
    },
    async signIn(staffId, pin) {
      const { session, staff } = await call('auth.signIn', { staffId, pin });
      signedIn(session, staff);
    },
    async bootstrap(name, pin, branchCode, deviceCode) {
      const { session, staff } = await call('staff.bootstrap', { name, pin, branchCode, deviceCode });
      // The codes just saved are the desk's settings from now on (the top bar shows them).
      await useSettings.getState().load();
      signedIn(session, staff);
      set({ bootstrapNeeded: false });
    },
    async signOut() {
      if (get().staff) await call('auth.signOut', {}).catch(() => undefined);
      setSessionToken(undefined, () => undefined);
      set({ staff: null });
      await get().loadRoster();
    },
  };
});
