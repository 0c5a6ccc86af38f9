import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../db/open.js';
import { recordEvents } from '../../../db/eventStore.js';
import { countEvents, eventsOf } from '../../../db/eventLog.js';
import { getCaseView } from '../../../db/complaintQueries.js';
import { newId } from '../../../shared/ids.js';
import { noteEvent, receivedEvent } from '../../fixtures/events.js';
import { tempDir } from '../../fixtures/tempDir.js';

const open = () => openDatabase(join(tempDir(), 'desk.sqlite')).db;

describe('the event store', () => {
  it('writes the event and its projection together', () => {
    const db = open();
    const id = newId();
    recordEvents(db, [receivedEvent(id, 1_000)]);
    expect(countEvents(db)).toBe(1);
    expect(getCaseView(db, id)?.customerName).toBe('王女士');
  });

  it('stores an event once however often it is delivered', () => {
    const db = open();
    const id = newId();
    const received = receivedEvent(id, 1_000);
    const note = noteEvent(id, 2_000);
    recordEvents(db, [received, note]);
    expect(recordEvents(db, [note, received])).toEqual([]);
    expect(countEvents(db)).toBe(2);
    expect(getCaseView(db, id)?.noteCount).toBe(1);
  });

  it('re-folds a case when an older event arrives late', () => {
    const db = open();
    const id = newId();
    recordEvents(db, [receivedEvent(id, 1_000), noteEvent(id, 5_000, 'later')]);
    recordEvents(db, [noteEvent(id, 3_000, 'earlier, from an offline desk', 'desk-b')]);
    expect(eventsOf(db, 'complaint', id).map((e) => (e.payload as { text?: string }).text ?? 'received')).toEqual([
      'received',
      'earlier, from an offline desk',
      'later',
    ]);
    expect(getCaseView(db, id)?.noteCount).toBe(2);
  });

  it('stores nothing of a batch when one event in it cannot be written', () => {
    const db = open();
    const kept = newId();
    recordEvents(db, [receivedEvent(kept, 1_000)]);
    const fresh = newId();
    const bad = { ...noteEvent(fresh, 2_000), actor: null as unknown as string };
    expect(() => recordEvents(db, [receivedEvent(fresh, 1_500, {}, 2), bad])).toThrow();
    expect(countEvents(db)).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM complaints').get()).toEqual({ n: 1 });
    expect(getCaseView(db, fresh)).toBeNull();
  });

  it('refuses to change or delete an event once written', () => {
    const db = open();
    recordEvents(db, [receivedEvent(newId(), 1_000)]);
    expect(() => db.prepare("UPDATE events SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
  });
});
