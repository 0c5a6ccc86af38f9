import { describe, expect, it } from 'vitest';
import { recordEvents } from '../../../db/eventStore.js';
import { rebuildProjections } from '../../../db/projections.js';
import { noteEvent, receivedEvent } from '../../fixtures/events.js';
import { complaint, ok, openTeamDesk } from '../../fixtures/desk.js';
import { newId } from '../../../shared/ids.js';
import type { Db } from '../../../db/open.js';
import { CASE_ROWS_WITH_VIEWS } from '../../fixtures/caseRows.js';

const snapshot = (db: Db) => db.prepare(CASE_ROWS_WITH_VIEWS).all();

describe('rebuilding projections from the log', () => {
  it('gives tables identical to the live ones', () => {
    const { desk, team } = openTeamDesk();
    const ids: string[] = [];
    for (let i = 0; i < 150; i++) {
      ids.push(ok(desk, team.clerk.session, 'case.create', complaint(`客户${i}`, `投诉 ${i % 7} 热水器`, `138${i % 13}0000000`)).id);
    }
    for (const id of ids.slice(0, 40)) ok(desk, team.clerk.session, 'case.act', { id, action: { type: 'note_added', payload: { text: '已回电客户' } } });
    for (const id of ids.slice(40, 60)) {
      ok(desk, team.supervisor.session, 'case.act', { id, action: { type: 'escalated', payload: { severity: 2, major: true, reason: '客户称要找媒体' } } });
      ok(desk, team.clerk.session, 'case.act', { id, action: { type: 'handed_over', payload: { toId: team.clerk2.staff.id, reason: '换班' } } });
    }
    // Late and odd arrivals from another desk: a note ordered before its case, an unknown type,
    // and a case whose events come in reverse order.
    recordEvents(desk.db, [noteEvent(ids[3]!, 1, 'from a desk with a wrong clock', 'desk-b')]);
    recordEvents(desk.db, [{ ...noteEvent(ids[4]!, Date.now() + 10, 'x', 'desk-b'), type: 'satisfaction_surveyed', payload: { score: 1 } }]);
    const other = newId();
    recordEvents(desk.db, [noteEvent(other, 2_000, 'note first', 'desk-b')]);
    recordEvents(desk.db, [receivedEvent(other, 1_000, { device: 'desk-b' }, 42)]);

    const live = snapshot(desk.db);
    expect(live).toHaveLength(151);
    const staff = desk.db.prepare('SELECT * FROM staff ORDER BY id').all();
    const customers = desk.db.prepare('SELECT * FROM customer_phones ORDER BY digits, customer_id').all();
    // The rebuild sets the big tables' indexes and triggers aside while it refills them: all back after.
    const schema = () => desk.db.prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name").all();
    const schemaBefore = schema();
    const counts = desk.db.prepare('SELECT * FROM case_counts WHERE n > 0 ORDER BY key').all();
    rebuildProjections(desk.db);
    expect(snapshot(desk.db)).toEqual(live);
    expect(schema()).toEqual(schemaBefore);
    expect(desk.db.prepare('SELECT * FROM case_counts WHERE n > 0 ORDER BY key').all()).toEqual(counts);
    expect(desk.db.prepare('SELECT * FROM staff ORDER BY id').all()).toEqual(staff);
    expect(desk.db.prepare('SELECT * FROM customer_phones ORDER BY digits, customer_id').all()).toEqual(customers);
    desk.close();
  });

  it('replaces a damaged projection with the truth from the log', () => {
    const { desk, team } = openTeamDesk();
    ok(desk, team.clerk.session, 'case.create', complaint('王女士', '账单多扣费'));
    const live = snapshot(desk.db);
    desk.db.prepare("UPDATE complaints SET customer_name = 'tampered'").run();
    const columns = (desk.db.prepare('PRAGMA table_info(complaints)').all() as Array<{ name: string }>).map((c) => c.name);
    desk.db.prepare(`INSERT INTO complaints SELECT ${columns.map((c) => (c === 'id' ? "'ghost'" : c)).join(', ')} FROM complaints`).run();
    rebuildProjections(desk.db);
    expect(snapshot(desk.db)).toEqual(live);
    desk.close();
  });
});
