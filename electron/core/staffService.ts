import type { Db } from '../../db/open.js';
import { allStaff, staffById } from '../../db/referenceQueries.js';
import type { StaffSummary } from '../../shared/contract.js';
import { newId } from '../../shared/ids.js';
import type { StaffView } from '../../shared/referenceFold.js';
import type { Role } from '../../shared/staff.js';
import { DeskError } from './deskError.js';
import type { EventWriter } from './eventWriter.js';
import type { PinHasher } from './pinHash.js';
import { ARGON2_PREFIX, verifyPassword } from '../../shared/password.js';
import type { SessionStore } from './sessions.js';

export const summaryOfStaff = ({ id, name, role, branch, active }: StaffView): StaffSummary => ({ id, name, role, branch, active });

export function requireRole(staff: StaffView, roles: readonly Role[]): void {
  if (!roles.includes(staff.role)) throw new DeskError('forbidden', `needs one of: ${roles.join(', ')}`);
}

/** Local staff of this desk: enrolment, sign-in with a PIN, switching user on a shared machine. */
/** Checks a central staff member's password with the server; 'unreachable' means check locally. */
export type CentralSignIn = (staffId: string, password: string) => Promise<'ok' | 'wrong' | 'unreachable'>;

export function createStaffService(db: Db, writer: EventWriter, sessions: SessionStore, branch: () => string, central: CentralSignIn, pins: PinHasher) {
  const enrol = (name: string, role: Role, pin: string, by: { id: string; role: Role } | null): StaffView => {
    // Two people of one name look the same at sign-in: the manager tells them apart when enrolling.
    const key = name.normalize('NFKC').trim().toLowerCase();
    if (allStaff(db).some((s) => s.active && s.name.normalize('NFKC').trim().toLowerCase() === key)) {
      throw new DeskError('refused', 'a colleague with this name is already enrolled', { reason: 'duplicate_name' });
    }
    const id = newId();
    // The first manager enrols themself: there is nobody else yet to act for them.
    const actor = by ?? { id, role };
    writer.write([{ entity: 'staff', entityId: id, type: 'staff_enrolled', payload: { name, role, branch: branch(), pinHash: pins.hash(pin) } }], actor);
    return staffById(db, id)!;
  };

  return {
    roster() {
      const staff = allStaff(db);
      return { bootstrapNeeded: staff.length === 0, staff: staff.filter((s) => s.active).map(summaryOfStaff) };
    },
    bootstrap(name: string, pin: string) {
      return db.transaction(() => {
        if (allStaff(db).length > 0) throw new DeskError('already_set_up', 'this desk already has staff; sign in instead');
        const staff = enrol(name, 'manager', pin, null);
        return { session: sessions.open(staff.id), staff: summaryOfStaff(staff) };
      })();
    },
    /** A desk's own staff sign in with their PIN; central staff against the server, or offline with the synced hash. */
    signIn(staffId: string, pin: string) {
      const staff = staffById(db, staffId);
      if (!staff || !staff.active) throw new DeskError('wrong_pin', 'unknown staff or wrong PIN');
      if (sessions.isLocked(staff.id)) throw new DeskError('locked', 'too many wrong PINs; wait a minute');
      const outcome = (right: boolean) => {
        if (!right) {
          sessions.recordFailure(staff.id);
          throw new DeskError('wrong_pin', 'unknown staff or wrong PIN');
        }
        return { session: sessions.open(staff.id), staff: summaryOfStaff(staff) };
      };
      if (!staff.pinHash.startsWith(ARGON2_PREFIX)) return outcome(pins.verify(pin, staff.pinHash));
      return central(staff.id, pin).then(async (answer) => outcome(answer === 'unreachable' ? await verifyPassword(pin, staff.pinHash) : answer === 'ok'));
    },
    enrol(by: StaffView, name: string, role: Role, pin: string) {
      requireRole(by, ['manager']);
      return summaryOfStaff(enrol(name, role, pin, by));
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
