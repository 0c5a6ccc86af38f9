import type { Db } from '../../db/open.js';
import { recordEvents } from '../../db/eventStore.js';
import { latestHlc } from '../../db/eventLog.js';
import { EVENT_SCHEMA_VERSION, type Entity, type EventEnvelope } from '../../shared/events.js';
import { formatHlc, hlcWallMs, initialHlc, MAX_CLOCK_AHEAD_MS, parseHlc, receiveHlc, tickHlc, type HlcState } from '../../shared/hlc.js';
import { newId } from '../../shared/ids.js';
import type { Actor } from '../../shared/staff.js';
import type { Clock } from './clock.js';

export interface NewEvent {
  entity: Entity;
  entityId: string;
  type: string;
  payload: unknown;
}

/** The proof for an event its actor makes now, or undefined (the app's own events, a legacy account). */
export type Prover = (event: EventEnvelope) => EventEnvelope['proof'];

/** Stamps events with this desk's id and hybrid clock, proves who made them, and records a batch in one transaction. */
export function createEventWriter(db: Db, clock: Clock, deviceId: string, prove: Prover = () => undefined) {
  let hlc: HlcState = initialHlc(deviceId);
  // Never issue a stamp below one already in the log, even if the wall clock went backwards; a stamp
  // from beyond the believable future is no reason to move this desk's clock.
  const seen = latestHlc(db, clock.now() + MAX_CLOCK_AHEAD_MS);
  if (seen) hlc = { ...parseHlc(seen), node: deviceId };

  const envelope = (event: NewEvent, actor: Actor, now: number): EventEnvelope => {
    hlc = tickHlc(hlc, now);
    const envelope: EventEnvelope = { id: newId(), ...event, actor: actor.id, actorRole: actor.role, device: deviceId, hlc: formatHlc(hlc), schema: EVENT_SCHEMA_VERSION };
    const proof = prove(envelope);
    return proof ? { ...envelope, proof } : envelope;
  };

  return {
    deviceId,
    /**
     * A stamp seen from another desk: later local events must sort after it. A stamp further ahead
     * than MAX_CLOCK_AHEAD_MS is not followed (another desk's wrong clock must not move this one's
     * deadlines); false tells the caller to warn.
     */
    observe(stamp: string): boolean {
      const now = clock.now();
      if (hlcWallMs(stamp) > now + MAX_CLOCK_AHEAD_MS) return false;
      hlc = receiveHlc(hlc, stamp, now);
      return true;
    },
    /** Appends the events (and their projections) atomically; returns the stored envelopes. */
    write(events: readonly NewEvent[], actor: Actor, now = clock.now()): EventEnvelope[] {
      const envelopes = events.map((e) => envelope(e, actor, now));
      recordEvents(db, envelopes);
      return envelopes;
    },
  };
}
export type EventWriter = ReturnType<typeof createEventWriter>;
