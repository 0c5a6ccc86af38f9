import { describe, expect, it } from 'vitest';
import { openDesk } from '../../../electron/core/openDesk.js';
import { recordEvents } from '../../../db/eventStore.js';
import { rebuildProjections } from '../../../db/projections.js';
import { noteEvent, receivedEvent } from '../../fixtures/events.js';
import { tempDir } from '../../fixtures/tempDir.js';
import { newId } from '../../../shared/ids.js';
import type { Db } from '../../../db/open.js';

const snapshot = (db: Db) => db.prepare('SELECT * FROM complaints ORDER BY id').all();

describe('rebuilding projections from the log', () => {
  it('gives tables identical to the live ones', () => {
    const desk = openDesk(tempDir());
    const ids: string[] = [];
    for (let i = 0; i < 150; i++) {
      const result = desk.dispatch('case.create', {
        customer: { name: `客户${i}`, phone: '13800138000' },
        channel: i % 2 ? 'phone' : 'walk_in',
        description: `投诉 ${i}`,
      });
      if (!result.ok) throw new Error(result.error.message);
      ids.push((result.value as { id: string }).id);
    }
    for (const id of ids.slice(0, 40)) desk.dispatch('case.addNote', { id, text: '已回电客户' });
    // Late and odd arrivals from another desk: a note ordered before its case, an unknown type,
    // and a case whose events come in reverse order.
    recordEvents(desk.db, [noteEvent(ids[3]!, 1, 'from a desk with a wrong clock', 'desk-b')]);
    recordEvents(desk.db, [{ ...noteEvent(ids[4]!, Date.now() + 10, 'x', 'desk-b'), type: 'classified', payload: { level: 1 } }]);
    const other = newId();
    recordEvents(desk.db, [noteEvent(other, 2_000, 'note first', 'desk-b')]);
    recordEvents(desk.db, [receivedEvent(other, 1_000, { device: 'desk-b' }, 42)]);

    const live = snapshot(desk.db);
    expect(live).toHaveLength(151);
    rebuildProjections(desk.db);
    expect(snapshot(desk.db)).toEqual(live);
    desk.close();
  });

  it('replaces a damaged projection with the truth from the log', () => {
    const desk = openDesk(tempDir());
    desk.dispatch('case.create', { customer: { name: '王女士', phone: '13800138000' }, channel: 'email', description: '账单多扣费' });
    const live = snapshot(desk.db);
    desk.db.prepare("UPDATE complaints SET customer_name = 'tampered'").run();
    desk.db.prepare("INSERT INTO complaints SELECT 'ghost', case_number, case_prefix, case_seq, branch, customer_name, customer_phone, channel, status, received_at, received_hlc, last_hlc, conflict_count, view FROM complaints").run();
    rebuildProjections(desk.db);
    expect(snapshot(desk.db)).toEqual(live);
    desk.close();
  });
});
