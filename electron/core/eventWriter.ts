import type { Db } from '../../db/open.js';
import { recordEvents } from '../../db/eventStore.js';
import { latestHlc } from '../../db/eventLog.js';
import { EVENT_SCHEMA_VERSION, type Entity, type EventEnvelope } from '../../shared/events.js';
import { formatHlc, initialHlc, parseHlc, receiveHlc, tickHlc, type HlcState } from '../../shared/hlc.js';
import { newId } from '../../shared/ids.js';
import type { Actor } from '../../shared/staff.js';
import type { Clock } from './clock.js';

export interface NewEvent {
  entity: Entity;
  entityId: string;
  type: string;
  payload: unknown;
}

/** Stamps events with this desk's id and hybrid clock, and records a batch in one transaction. */
export function createEventWriter(db: Db, clock: Clock, deviceId: string) {
  let hlc: HlcState = initialHlc(deviceId);
  const seen = latestHlc(db);
  // Never issue a stamp below one already in the log, even if the wall clock went backwards.
  if (seen) hlc = { ...parseHlc(seen), node: deviceId };

  const envelope = (event: NewEvent, actor: Actor, now: number): EventEnvelope => {
    hlc = tickHlc(hlc, now);
    return { id: newId(), ...event, actor: actor.id, actorRole: actor.role, device: deviceId, hlc: formatHlc(hlc), schema: EVENT_SCHEMA_VERSION };
  };

  return {
    deviceId,
    /** A stamp seen from another desk: later local events must sort after it. */
    observe(stamp: string): void {
      if (stamp) hlc = receiveHlc(hlc, stamp, clock.now());
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
