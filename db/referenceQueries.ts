import { statement } from './statements.js';
import type { CustomerView, StaffView } from '../shared/referenceFold.js';
import type { Role } from '../shared/staff.js';
import type { Credential } from '../shared/proof.js';
import type { LibraryItem } from '../shared/guidance/libraryFold.js';
import { readReferenceItems } from './referenceItems.js';
import type { Db } from './open.js';

interface StaffRow {
  id: string;
  name: string;
  role: string;
  branch: string;
  active: number;
  pin_hash: string;
  credential: string | null;
}
const staffOf = (row: StaffRow): StaffView => ({
  id: row.id,
  name: row.name,
  role: row.role as Role,
  branch: row.branch,
  active: row.active === 1,
  pinHash: row.pin_hash,
  credential: row.credential ? (JSON.parse(row.credential) as Credential) : null,
});

export function staffById(db: Db, id: string): StaffView | null {
  const row = statement(db, 'SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
  return row ? staffOf(row) : null;
}

export function allStaff(db: Db): StaffView[] {
  return (statement(db, 'SELECT * FROM staff ORDER BY active DESC, name').all() as StaffRow[]).map(staffOf);
}

export function staffNames(db: Db): Map<string, string> {
  const rows = statement(db, 'SELECT id, name FROM staff').all() as Array<{ id: string; name: string }>;
  return new Map(rows.map((r) => [r.id, r.name]));
}

interface CustomerRow {
  id: string;
  name: string;
  phones: string;
  notes: string;
  tier: string;
}
const customerOf = (row: CustomerRow): CustomerView => ({
  id: row.id,
  name: row.name,
  phones: JSON.parse(row.phones) as string[],
  notes: row.notes,
  tier: row.tier as CustomerView['tier'],
});

export function customerById(db: Db, id: string): CustomerView | null {
  const row = statement(db, 'SELECT * FROM customers WHERE id = ?').get(id) as CustomerRow | undefined;
  return row ? customerOf(row) : null;
}

export function customerByPhone(db: Db, digits: string): CustomerView | null {
  const row = statement(db, 'SELECT c.* FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE p.digits = ? ORDER BY c.id LIMIT 1')
    .get(digits) as CustomerRow | undefined;
  return row ? customerOf(row) : null;
}

export function libraryItems(db: Db): LibraryItem[] {
  return readReferenceItems<LibraryItem['kind']>(db, 'library_items');
}

/** Desk codes ("BJ01-A") of the devices this desk has seen cases from. */
export function deskCodes(db: Db): Map<string, string> {
  const rows = statement(db, 'SELECT device_id, desk FROM devices').all() as Array<{ device_id: string; desk: string }>;
  return new Map(rows.map((r) => [r.device_id, r.desk]));
}

/** The manager who set this desk up (enrolled by themself): the person its join code vouches for. */
export function firstManager(db: Db): StaffView | null {
  const row = statement(db, "SELECT s.* FROM events e JOIN staff s ON s.id = e.entity_id WHERE e.entity = 'staff' AND e.type = 'staff_enrolled' AND e.actor = e.entity_id ORDER BY e.seq LIMIT 1")
    .get() as StaffRow | undefined;
  return row ? staffOf(row) : null;
}
