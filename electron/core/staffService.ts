import type { Db } from '../../db/open.js';
import { allStaff, staffById } from '../../db/referenceQueries.js';
import type { StaffSummary } from '../../shared/contract.js';
import { newId } from '../../shared/ids.js';
import type { StaffView } from '../../shared/referenceFold.js';
import { MIN_PRIVILEGED_PIN, pinLongEnough, type Role } from '../../shared/staff.js';
import { DeskError } from './deskError.js';
import type { EventWriter } from './eventWriter.js';
import { verifyLegacyPin } from './pinHash.js';
import type { KeyObject } from 'node:crypto';
import { createCredential, unlockCredential, type SecretCost } from '../../keys/actorKeys.js';
import { ARGON2_PREFIX, verifyPassword } from '../../shared/password.js';
import type { ActorKeys, SessionStore } from './sessions.js';

export const summaryOfStaff = ({ id, name, role, branch, active }: StaffView): StaffSummary => ({ id, name, role, branch, active });

export function requireRole(staff: StaffView, roles: readonly Role[]): void {
  if (!roles.includes(staff.role)) throw new DeskError('forbidden', `needs one of: ${roles.join(', ')}`);
}

/** Checks a central staff member's password with the server; 'unreachable' means check locally. */
export type CentralSignIn = (staffId: string, password: string) => Promise<'ok' | 'wrong' | 'unreachable'>;

export interface StaffServiceDeps {
  branch: () => string;
  central: CentralSignIn;
  secretCost: SecretCost;
  /** Opens a session grant for a person who signed in, when this desk knows the server's key. */
  openGrant: (staffId: string, privateKey: KeyObject) => ActorKeys['grant'];
}

/**
 * Staff of this desk: enrolment, sign-in with a PIN, switching user on a shared machine. Each
 * person's key is made at enrolment, wrapped under their PIN, and unlocked only by signing in.
 */
export function createStaffService(db: Db, writer: EventWriter, sessions: SessionStore, deps: StaffServiceDeps) {
  const enrol = (name: string, role: Role, pin: string, by: { id: string; role: Role } | null): { staff: StaffView; privateKey: KeyObject } => {
    if (!pinLongEnough(role, pin)) {
      throw new DeskError('invalid_request', `a ${role} needs a PIN of at least ${MIN_PRIVILEGED_PIN} digits`, { fields: [{ path: 'pin', code: 'too_short' }] });
    }
    // Two people of one name look the same at sign-in: the manager tells them apart when enrolling.
    const key = name.normalize('NFKC').trim().toLowerCase();
    if (allStaff(db).some((s) => s.active && s.name.normalize('NFKC').trim().toLowerCase() === key)) {
      throw new DeskError('refused', 'a colleague with this name is already enrolled', { reason: 'duplicate_name' });
    }
    const id = newId();
    const { credential, privateKey } = createCredential(pin, deps.secretCost(role));
    // The first manager enrols themself: there is nobody else yet to act for them, so their own key proves it.
    const actor = by ?? { id, role };
    const selfSession = by ? null : sessions.open(id, { privateKey, grant: null });
    try {
      writer.write([{ entity: 'staff', entityId: id, type: 'staff_enrolled', payload: { name, role, branch: deps.branch(), credential } }], actor);
    } finally {
      sessions.close(selfSession);
    }
    return { staff: staffById(db, id)!, privateKey };
  };

  const signedIn = (staff: StaffView, privateKey: KeyObject | null) => ({
    session: sessions.open(staff.id, privateKey ? { privateKey, grant: deps.openGrant(staff.id, privateKey) } : undefined),
    staff: summaryOfStaff(staff),
  });

  return {
    roster() {
      const staff = allStaff(db);
      return { bootstrapNeeded: staff.length === 0, staff: staff.filter((s) => s.active).map(summaryOfStaff) };
    },
    bootstrap(name: string, pin: string) {
      return db.transaction(() => {
        if (allStaff(db).length > 0) throw new DeskError('already_set_up', 'this desk already has staff; sign in instead');
        const { staff, privateKey } = enrol(name, 'manager', pin, null);
        return signedIn(staff, privateKey);
      })();
    },
    /** Unlocks the person's key with their PIN (offline too); central staff without a key ask the server. */
    signIn(staffId: string, pin: string) {
      const staff = staffById(db, staffId);
      if (!staff || !staff.active) throw new DeskError('wrong_pin', 'unknown staff or wrong PIN');
      if (sessions.isLocked(staff.id)) throw new DeskError('locked', 'too many wrong PINs; wait a minute');
      const refuse = () => {
        sessions.recordFailure(staff.id);
        return new DeskError('wrong_pin', 'unknown staff or wrong PIN');
      };
      if (staff.credential) {
        const privateKey = unlockCredential(pin, staff.credential);
        if (!privateKey) throw refuse();
        return signedIn(staff, privateKey);
      }
      // Accounts from before credentials: they sign in, but the server will not take their events.
      if (!staff.pinHash.startsWith(ARGON2_PREFIX)) {
        if (!verifyLegacyPin(pin, staff.pinHash)) throw refuse();
        return signedIn(staff, null);
      }
      return deps.central(staff.id, pin).then(async (answer) => {
        const right = answer === 'unreachable' ? await verifyPassword(pin, staff.pinHash) : answer === 'ok';
        if (!right) throw refuse();
        return signedIn(staff, null);
      });
    },
    enrol(by: StaffView, name: string, role: Role, pin: string) {
      requireRole(by, ['manager']);
      return summaryOfStaff(enrol(name, role, pin, by).staff);
    },
    deactivate(by: StaffView, id: string) {
      requireRole(by, ['manager']);
      if (id === by.id) throw new DeskError('forbidden', 'a manager cannot deactivate themself');
      if (!staffById(db, id)) throw new DeskError('not_found', 'no such staff member');
      writer.write([{ entity: 'staff', entityId: id, type: 'staff_deactivated', payload: { reason: '' } }], by);
      sessions.closeAllOf(id);
      return summaryOfStaff(staffById(db, id)!);
    },
  };
}
