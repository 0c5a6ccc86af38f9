import { randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Clock } from './clock.js';

const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const MAX_FAILURES = 5;
const LOCK_MS = 60 * 1000;

/** What proves a signed-in person's events: their unlocked key, and the session grant opened with it. */
export interface ActorKeys {
  privateKey: KeyObject;
  grant: { id: string; key: Buffer } | null;
}

/**
 * Signed-in sessions of this desk, in memory: a restart asks everyone to sign in again, which is
 * what a shared counter machine wants. Unlocked keys live here too, and only here: they leave
 * memory with the person's last session. Repeated wrong PINs lock that person out for a minute.
 */
export function createSessionStore(clock: Clock) {
  const sessions = new Map<string, { staffId: string; lastUsed: number }>();
  const failures = new Map<string, { count: number; lockedUntil: number }>();
  const keys = new Map<string, ActorKeys>();
  const forgetKeysUnlessSignedIn = (staffId: string) => {
    if (![...sessions.values()].some((s) => s.staffId === staffId)) keys.delete(staffId);
  };

  return {
    open(staffId: string, actorKeys?: ActorKeys): string {
      const token = randomBytes(24).toString('base64url');
      sessions.set(token, { staffId, lastUsed: clock.now() });
      failures.delete(staffId);
      if (actorKeys) keys.set(staffId, actorKeys);
      return token;
    },
    resolve(token: unknown): string | null {
      if (typeof token !== 'string') return null;
      const session = sessions.get(token);
      if (!session) return null;
      const now = clock.now();
      if (now - session.lastUsed > SESSION_IDLE_MS) {
        sessions.delete(token);
        forgetKeysUnlessSignedIn(session.staffId);
        return null;
      }
      session.lastUsed = now;
      return session.staffId;
    },
    close(token: unknown): boolean {
      const session = typeof token === 'string' ? sessions.get(token) : undefined;
      if (!session) return false;
      sessions.delete(token as string);
      forgetKeysUnlessSignedIn(session.staffId);
      return true;
    },
    closeAllOf(staffId: string): void {
      for (const [token, session] of sessions) if (session.staffId === staffId) sessions.delete(token);
      keys.delete(staffId);
    },
    keysOf(staffId: string): ActorKeys | undefined {
      return keys.get(staffId);
    },
    isLocked(staffId: string): boolean {
      return (failures.get(staffId)?.lockedUntil ?? 0) > clock.now();
    },
    recordFailure(staffId: string): void {
      const entry = failures.get(staffId) ?? { count: 0, lockedUntil: 0 };
      entry.count += 1;
      if (entry.count >= MAX_FAILURES) {
        entry.count = 0;
        entry.lockedUntil = clock.now() + LOCK_MS;
      }
      failures.set(staffId, entry);
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
