import { describe, expect, it } from 'vitest';
import { foldCase } from '../../../shared/fold.js';
import { newId } from '../../../shared/ids.js';
import { CLERK, SUPERVISOR, noteEvent, receivedEvent, stamp } from '../../fixtures/events.js';

describe('folding a complaint', () => {
  it('reaches the same view whatever order the events arrive in', () => {
    const id = newId();
    const events = [receivedEvent(id, 1_000), noteEvent(id, 2_000, 'a'), noteEvent(id, 3_000, 'b', 'desk-b'), noteEvent(id, 3_000, 'c')];
    const reference = foldCase(events);
    for (let i = 0; i < 20; i++) {
      const shuffled = [...events].sort(() => Math.random() - 0.5);
      expect(foldCase(shuffled)).toEqual(reference);
    }
    expect(reference).toMatchObject({ caseNumber: 'BJ01-A-20261122-0001', noteCount: 3, eventCount: 4, conflicts: [] });
  });

  it('keeps a note that is ordered before its case as a conflict, never dropping or crashing', () => {
    const id = newId();
    const early = noteEvent(id, 500);
    const view = foldCase([receivedEvent(id, 1_000), early]);
    expect(view?.conflicts).toEqual([{ eventId: early.id, type: 'note_added', actor: SUPERVISOR, reason: 'before_received', settled: false }]);
  });

  it('marks a second `received` for the same case as a conflict and keeps the first', () => {
    const id = newId();
    const first = receivedEvent(id, 1_000);
    const second = receivedEvent(id, 2_000, { hlc: stamp(2_000, 'desk-b'), device: 'desk-b' }, 9);
    const view = foldCase([second, first]);
    expect(view?.caseNumber).toBe('BJ01-A-20261122-0001');
    expect(view?.conflicts).toEqual([{ eventId: second.id, type: 'received', actor: CLERK, reason: 'duplicate_received', settled: false }]);
  });

  it('counts events of a type it does not know (from a newer app) instead of rejecting them', () => {
    const id = newId();
    const view = foldCase([receivedEvent(id, 1_000), { ...noteEvent(id, 2_000), type: 'satisfaction_surveyed', payload: { score: 2 } }]);
    expect(view).toMatchObject({ unknownEventCount: 1, eventCount: 2, conflicts: [] });
  });

  it('does not invent a case from a broken `received` payload', () => {
    const id = newId();
    const broken = receivedEvent(id, 1_000, { payload: { caseNumber: 'nonsense' } });
    expect(foldCase([broken])).toBeNull();
    const repaired = foldCase([broken, receivedEvent(id, 2_000)]);
    expect(repaired?.conflicts).toEqual([{ eventId: broken.id, type: 'received', actor: CLERK, reason: 'invalid_payload', settled: false }]);
  });
});
