import { staffById } from '../../db/referenceQueries.js';
import { unlockCredential, signEvent } from '../../keys/actorKeys.js';
import type { EventEnvelope } from '../../shared/events.js';
import type { Desk } from './syncWorld.js';

/**
 * An event signed with a member of staff's own key, unlocked with their PIN: what that person's
 * desk would send. Tests use it to make events no desk screen offers (a newer app's type, a
 * clerk's attempt at a manager's act) that still carry a valid proof of who made them.
 */
export function provenBy(d: Desk, pin: string, event: Omit<EventEnvelope, 'proof'>, staffId = event.actor): EventEnvelope {
  const credential = staffById(d.desk.db, staffId)?.credential;
  const key = credential ? unlockCredential(pin, credential) : null;
  if (!key) throw new Error(`no key for ${staffId} with that PIN`);
  return { ...event, proof: { sig: signEvent(key, event) } };
}
