import { describe, expect, it } from 'vitest';
import { viewOf } from '../../../db/complaintQueries.js';
import fc from 'fast-check';
import { openDatabase, type Db } from '../../../db/open.js';
import { recordEvents } from '../../../db/eventStore.js';
import { rebuildProjections } from '../../../db/projections.js';
import { foldCase, type CaseView } from '../../../shared/fold.js';
import { allowedActions } from '../../../shared/lifecycle.js';
import type { EventEnvelope } from '../../../shared/events.js';
import { formatHlc } from '../../../shared/hlc.js';
import { newId } from '../../../shared/ids.js';
import type { Actor } from '../../../shared/staff.js';
import { CLERK, receivedEvent } from '../../fixtures/events.js';
import { samplePayload } from '../../fixtures/lifecycle.js';

const TEAM: Actor[] = [
  { id: CLERK, role: 'clerk' },
  { id: 'clerk-wang', role: 'clerk' },
  { id: 'tech-zhao', role: 'technician' },
  { id: 'supervisor-li', role: 'supervisor' },
  { id: 'manager-chen', role: 'manager' },
];
const DEVICES = ['desk-a', 'desk-b', 'desk-c'];

/**
 * Replays random choices into a history: at each step one person on one device takes one of the
 * actions the state machine offers them. Offline desks each extend the history they have seen.
 */
function history(choices: Array<{ actor: number; action: number; device: number }>, base: EventEnvelope[], startMs: number): EventEnvelope[] {
  const events = [...base];
  let view = foldCase(events)!;
  choices.forEach((choice, step) => {
    const actor = TEAM[choice.actor % TEAM.length]!;
    const offered = allowedActions(view, actor);
    if (!offered.length) return;
    const action = offered[choice.action % offered.length]!;
    const other = TEAM.find((t) => t.id !== view.ownerId)!.id;
    const device = DEVICES[choice.device % DEVICES.length]!;
    events.push({
      ...base[0]!,
      id: newId(),
      type: action,
      payload: samplePayload(action, view, other),
      actor: actor.id,
      actorRole: actor.role,
      device,
      hlc: formatHlc({ wallMs: startMs + step * 1_000, counter: 0, node: device }),
    });
    view = foldCase(events)!;
  });
  return events;
}

const replica = (): Db => openDatabase(':memory:').db;
const projected = (db: Db) => (db.prepare(`SELECT ${viewOf()} AS view FROM complaints`).all() as Array<{ view: string }>).map((r) => JSON.parse(r.view) as CaseView);
/** The deadlines too: every replica must compute the same clocks from the same events. */
const clocks = (db: Db) => db.prepare('SELECT id, due_at, due_soon_at, sla_step FROM complaints ORDER BY id').all();

/** Delivers the events to a replica in the given order, in batches, some of them twice. */
function deliver(db: Db, events: EventEnvelope[], order: number[], batch: number, duplicates: number[]): void {
  const stream = [...order.map((i) => events[i % events.length]!), ...duplicates.map((i) => events[i % events.length]!)];
  for (let i = 0; i < stream.length; i += batch) recordEvents(db, stream.slice(i, i + batch));
}

const choice = fc.record({ actor: fc.nat(), action: fc.nat(), device: fc.nat() });
const deliveryPlan = fc.record({
  shuffleSeed: fc.array(fc.nat(), { minLength: 80, maxLength: 80 }),
  batch: fc.integer({ min: 1, max: 7 }),
  duplicates: fc.array(fc.nat(), { maxLength: 10 }),
});

function permutation(length: number, seed: number[]): number[] {
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = seed[i % seed.length]! % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

describe('replicas converge', () => {
  it('every replica folds a valid history, delivered in any order with duplicates, to the identical case', () => {
    fc.assert(
      fc.property(fc.array(choice, { minLength: 1, maxLength: 40 }), fc.array(deliveryPlan, { minLength: 3, maxLength: 3 }), (choices, plans) => {
        const id = newId();
        const events = history(choices, [receivedEvent(id, 1_000)], 2_000);
        const reference = foldCase(events);
        expect(reference?.conflicts).toEqual([]);
        const views = plans.map((plan) => {
          const db = replica();
          deliver(db, events, permutation(events.length, plan.shuffleSeed), plan.batch, plan.duplicates);
          const live = projected(db);
          rebuildProjections(db);
          expect(projected(db)).toEqual(live);
          db.close();
          return live;
        });
        for (const view of views) expect(view).toEqual([reference]);
      }),
      { numRuns: 60 },
    );
  });

  it('desks acting offline on the same case merge into one identical view that keeps every event', () => {
    fc.assert(
      fc.property(
        fc.array(choice, { maxLength: 8 }),
        fc.array(fc.array(choice, { minLength: 1, maxLength: 12 }), { minLength: 2, maxLength: 3 }),
        fc.array(fc.nat(), { minLength: 80, maxLength: 80 }),
        (shared, offline, seed) => {
          const id = newId();
          const common = history(shared, [receivedEvent(id, 1_000)], 2_000);
          // Each offline desk continues from the common history with its own clock; stamps interleave.
          const branches = offline.map((choices, desk) =>
            history(choices.map((c) => ({ ...c, device: desk })), common, 100_000 + desk * 7).slice(common.length),
          );
          const all = [...common, ...branches.flat()];
          const views = [0, 1, 2].map((r) => {
            const db = replica();
            deliver(db, all, permutation(all.length, seed.map((s) => s + r)), 1 + r * 2, [r, r + 3]);
            const view = { cases: projected(db), clocks: clocks(db) };
            db.close();
            return view;
          });
          expect(views[1]).toEqual(views[0]);
          expect(views[2]).toEqual(views[0]);
          expect(views[0]!.cases[0]!.eventCount).toBe(all.length);
          expect(views[0]!.cases[0]).toEqual(foldCase(all));
        },
      ),
      { numRuns: 60 },
    );
  });
});
