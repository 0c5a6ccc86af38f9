import { randomBytes } from 'node:crypto';
import type { Clock } from './clock.js';

const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const MAX_FAILURES = 5;
const LOCK_MS = 60 * 1000;

/**
 * Signed-in sessions of this desk, in memory: a restart asks everyone to sign in again, which is
 * what a shared counter machine wants. Repeated wrong PINs lock that person out for a minute.
 */
export function createSessionStore(clock: Clock) {
  const sessions = new Map<string, { staffId: string; lastUsed: number }>();
  const failures = new Map<string, { count: number; lockedUntil: number }>();

  return {
    open(staffId: string): string {
      const token = randomBytes(24).toString('base64url');
      sessions.set(token, { staffId, lastUsed: clock.now() });
      failures.delete(staffId);
      return token;
    },
    resolve(token: unknown): string | null {
      if (typeof token !== 'string') return null;
      const session = sessions.get(token);
      if (!session) return null;
      const now = clock.now();
      if (now - session.lastUsed > SESSION_IDLE_MS) {
        sessions.delete(token);
        return null;
      }
      session.lastUsed = now;
      return session.staffId;
    },
    close(token: unknown): boolean {
      return typeof token === 'string' && sessions.delete(token);
    },
    closeAllOf(staffId: string): void {
      for (const [token, session] of sessions) if (session.staffId === staffId) sessions.delete(token);
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
