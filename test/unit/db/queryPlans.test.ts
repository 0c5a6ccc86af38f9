import { describe, expect, it } from 'vitest';
import { complaint, ok, openTeamDesk } from '../../fixtures/desk.js';
import { preparedSql } from '../../../db/statements.js';
import { attachmentsToUpload } from '../../../db/attachmentQueries.js';
import { fakeClock } from '../../fixtures/clock.js';
import { newId } from '../../../shared/ids.js';

const HOUR = 3_600_000;
const MONDAY_10 = '2026-11-23T02:00:00Z'; // 10:00 in Beijing

/** Tables that grow with every case taken: a statement that reads all of one slows down every year. */
const GROWING = ['events', 'complaints', 'customers', 'customer_phones', 'case_steps', 'work_orders', 'attachment_refs', 'attachment_files'];

/** The table behind each name a statement reads under (plans name an aliased table by its alias). */
function tablesByName(sql: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const [, table, alias] of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    names.set(table!, table!);
    if (alias && !/^(WHERE|JOIN|ON|ORDER|GROUP|LIMIT|INDEXED|LEFT|INNER|CROSS|USING|SET|VALUES|UNION|WINDOW)$/i.test(alias)) names.set(alias, table!);
  }
  return names;
}

/** How SQLite plans to run a statement, its parameters bound to nothing in particular. */
const planOf = (db: ReturnType<typeof openTeamDesk>['desk']['db'], sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql.replace(/\?|@\w+/g, 'NULL')}`).all() as Array<{ detail: string }>).map((r) => r.detail);

describe('what a desk runs while taking and handling cases', () => {
  it('finds its rows through an index: no statement reads a whole growing table', () => {
    const clock = fakeClock(MONDAY_10);
    const { desk, team } = openTeamDesk(clock);
    const clerk = team.clerk.session;
    const ids = Array.from({ length: 3 }, (_, i) => ok(desk, clerk, 'case.create', complaint(`客户${i}`, '热水器漏水', `1380000000${i}`)).id);
    // The same caller again (a repeat), and a customer's record corrected.
    const again = ok(desk, clerk, 'case.create', complaint('客户0', '热水器又漏水了', '13800000000'));
    ok(desk, clerk, 'customer.update', { id: again.customerId!, changes: { phones: ['13800000000', '13900000009'] } });
    for (const [who, action] of [
      [clerk, { type: 'classified', payload: { severity: 3, major: false, nature: 'communication', communicationKind: 'venting', content: 'attitude', cause: 'service_level', motive: 'emotional' } }],
      [clerk, { type: 'customer_contacted', payload: { summary: '已回电' } }],
      [clerk, { type: 'handed_over', payload: { toId: team.clerk2.staff.id, reason: '调岗' } }],
    ] as const)
      ok(desk, who, 'case.act', { id: ids[1]!, action } as never);
    ok(desk, clerk, 'case.act', {
      id: ids[2]!,
      action: { type: 'work_order_created', payload: { workOrderId: newId(), technicianId: team.technician.staff.id, windowStart: new Date(Date.parse(MONDAY_10) + 2 * HOUR).toISOString(), windowEnd: new Date(Date.parse(MONDAY_10) + 4 * HOUR).toISOString(), address: '望京西园三区', phone: '13800138000' } },
    });
    // Days later: every deadline has passed, so the deadline pass escalates and rings.
    clock.advance(72 * HOUR);
    desk.core.tick();
    desk.core.tick();
    const session = (who: keyof typeof team) => ok(desk, undefined, 'auth.signIn', { staffId: team[who].staff.id, pin: team[who].pin }).session;
    const later = session('clerk');
    ok(desk, later, 'case.get', { id: ids[1]! });
    ok(desk, later, 'case.list', { limit: 50 });
    ok(desk, later, 'case.search', { text: '漏水' });
    ok(desk, later, 'case.list', { limit: 50, sort: 'urgency', state: 'open' });
    ok(desk, session('technician'), 'field.jobs', {});
    ok(desk, session('manager'), 'reports.get', { month: '2026-11' });
    attachmentsToUpload(desk.db);

    const scans = preparedSql(desk.db).flatMap((sql) =>
      planOf(desk.db, sql)
        // "SCAN t USING INDEX" walks an index in order and stops at the page's LIMIT; a bare "SCAN t" reads every row.
        .filter((step) => {
          const scanned = /^SCAN (\w+)$/.exec(step)?.[1];
          return scanned !== undefined && GROWING.includes(tablesByName(sql).get(scanned) ?? scanned);
        })
        .map((step) => `${step}: ${sql.replace(/\s+/g, ' ')}`),
    );
    expect(preparedSql(desk.db).length).toBeGreaterThan(20);
    expect(scans).toEqual([]);
    desk.close();
  });
});
