import { describe, expect, it } from 'vitest';
import { complaint, ok, openTeamDesk, openTestDesk } from '../../fixtures/desk.js';
import { rebuildProjections } from '../../../db/projections.js';
import type { Db } from '../../../db/open.js';
import { VIEWS_BACK_INTO_ROWS } from '../../fixtures/caseRows.js';

/** Every total the queue can show, from the counters (through core) and by counting the rows. */
function totals(desk: ReturnType<typeof openTeamDesk>['desk'], session: string, viewer: string, db: Db) {
  const counted = (scope: 'all' | 'mine', state: 'any' | 'open' | 'closed') => ok(desk, session, 'case.list', { scope, state, limit: 1 }).total;
  const direct = (scope: 'all' | 'mine', state: 'any' | 'open' | 'closed') =>
    (db.prepare(`SELECT count(*) AS n FROM complaints WHERE (? = 'all' OR owner_id = ?) AND (? = 'any' OR is_open = (? = 'open'))`).get(scope, viewer, state, state) as { n: number }).n;
  const all = (['all', 'mine'] as const).flatMap((scope) => (['any', 'open', 'closed'] as const).map((state) => ({ scope, state, counted: counted(scope, state), direct: direct(scope, state) })));
  return all;
}

describe("the queue's totals", () => {
  it('are kept by the counters through creates, handovers, closes, a rebuild and an upgrade, and always equal a count of the rows', () => {
    const { desk, team, dataDir } = openTeamDesk();
    const clerk = team.clerk.session;
    const ids = Array.from({ length: 5 }, (_, i) => ok(desk, clerk, 'case.create', complaint(`客户${i}`, '热水器漏水', `1380000000${i}`)).id);
    ok(desk, clerk, 'case.act', { id: ids[0]!, action: { type: 'handed_over', payload: { toId: team.clerk2.staff.id, reason: '调岗' } } });
    for (const [who, action] of [
      [clerk, { type: 'classified', payload: { severity: 3, major: false, nature: 'communication', communicationKind: 'venting', content: 'attitude', cause: 'service_level', motive: 'emotional' } }],
      [clerk, { type: 'customer_contacted', payload: { summary: '已回电' } }],
      [clerk, { type: 'investigated', payload: { findings: '属实' } }],
      [clerk, { type: 'proposal_made', payload: { remedy: '道歉' } }],
      [team.supervisor.session, { type: 'approved', payload: {} }],
      [clerk, { type: 'executed', payload: { summary: '已道歉' } }],
      [clerk, { type: 'feedback_given', payload: { summary: '已告知' } }],
      [clerk, { type: 'closed', payload: { customerAccepted: true } }],
    ] as const)
      ok(desk, who, 'case.act', { id: ids[1]!, action } as never);
    const check = (d: typeof desk, session: string) => {
      const rows = totals(d, session, team.clerk.staff.id, d.db);
      for (const row of rows) expect(row.counted, `${row.scope}/${row.state}`).toBe(row.direct);
      return rows;
    };
    const before = check(desk, clerk);
    expect(before.find((r) => r.scope === 'mine' && r.state === 'any')!.counted).toBe(4);
    expect(before.find((r) => r.scope === 'all' && r.state === 'closed')!.counted).toBe(1);

    rebuildProjections(desk.db);
    expect(check(desk, clerk)).toEqual(before);

    // A desk from before the counters: the upgrade counts what it holds.
    desk.db.exec(`DROP INDEX case_steps_by_step; CREATE INDEX case_steps_for_reports ON case_steps(received_ms); DROP INDEX complaints_chased; DROP TRIGGER complaints_counted; DROP TRIGGER complaints_uncounted; DROP TABLE case_counts; DROP TABLE work_orders; DROP TABLE attachments_missing; DROP TABLE attachment_refs; DROP TABLE attachment_files; DROP TRIGGER complaints_into_report_cells; DROP TRIGGER complaints_out_of_report_cells; DROP TABLE report_cells; DROP TABLE report_cells_offset; DROP INDEX complaints_open_for_reports; DROP INDEX customer_phones_of_customer; ${VIEWS_BACK_INTO_ROWS} PRAGMA user_version = 11`);
    desk.close();
    const upgraded = openTestDesk(dataDir);
    const session = ok(upgraded, undefined, 'auth.signIn', { staffId: team.clerk.staff.id, pin: team.clerk.pin }).session;
    expect(check(upgraded, session)).toEqual(before);
    ok(upgraded, session, 'case.create', complaint('新客户', '宽带断线', '13900000000'));
    expect(check(upgraded, session).find((r) => r.scope === 'all' && r.state === 'open')!.counted).toBe(before.find((r) => r.scope === 'all' && r.state === 'open')!.counted + 1);
    upgraded.close();
  });
});
