import type { Db } from '../../db/open.js';
import { casesOfCustomer, descriptionsOfCustomer } from '../../db/complaintQueries.js';
import { customerById, customerByPhone } from '../../db/referenceQueries.js';
import { normalizePhone } from '../../shared/complaint.js';
import type { CaseView } from '../../shared/fold.js';
import { newId } from '../../shared/ids.js';
import type { CustomerView } from '../../shared/referenceFold.js';
import { REPEAT_SIMILARITY, similarityTo } from '../../shared/similarity.js';
import type { Actor } from '../../shared/staff.js';
import { DeskError } from './deskError.js';
import type { EventWriter, NewEvent } from './eventWriter.js';

const DAY_MS = 86_400_000;

export interface RepeatMatch {
  id: string;
  caseNumber: string;
  receivedAt: string;
  similarity: number;
}

/** Customer knowledge: who is complaining, their history, and whether this is the same matter again. */
export function createCustomerService(db: Db, writer: EventWriter) {
  const findByPhone = (phone: string) => {
    const digits = normalizePhone(phone);
    return digits ? customerByPhone(db, digits) : null;
  };

  return {
    findByPhone,
    history(customer: CustomerView | null, phone: string): CaseView[] {
      return casesOfCustomer(db, customer?.id ?? null, normalizePhone(phone));
    },
    /** Earlier cases of this customer or phone within the window whose text is about the same matter. */
    repeats(customer: CustomerView | null, phone: string, description: string, now: number, windowDays: number): RepeatMatch[] {
      if (!description.trim()) return [];
      const since = new Date(now - windowDays * DAY_MS).toISOString();
      const similarity = similarityTo(description);
      return descriptionsOfCustomer(db, customer?.id ?? null, normalizePhone(phone), since)
        .map((c) => ({ id: c.id, caseNumber: c.caseNumber, receivedAt: c.receivedAt, similarity: similarity(c.description) }))
        .filter((m) => m.similarity >= REPEAT_SIMILARITY)
        .sort((a, b) => b.similarity - a.similarity);
    },
    /** The customer a new case belongs to: the one known by phone, or registered now (an event to record with it). */
    resolveForIntake(known: CustomerView | null, name: string, phone: string): { customerId: string; events: NewEvent[] } {
      if (known) return { customerId: known.id, events: [] };
      const customerId = newId();
      return { customerId, events: [{ entity: 'customer', entityId: customerId, type: 'customer_registered', payload: { name, phones: [phone] } }] };
    },
    update(actor: Actor, id: string, changes: Record<string, unknown>): CustomerView {
      if (!customerById(db, id)) throw new DeskError('not_found', 'no such customer');
      writer.write([{ entity: 'customer', entityId: id, type: 'customer_updated', payload: changes }], actor);
      return customerById(db, id)!;
    },
    get(id: string): CustomerView {
      const customer = customerById(db, id);
      if (!customer) throw new DeskError('not_found', 'no such customer');
      return customer;
    },
  };
}
export type CustomerService = ReturnType<typeof createCustomerService>;
