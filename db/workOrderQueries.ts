import { statement } from './statements.js';
import type { Db } from './open.js';
import type { CaseView } from '../shared/fold.js';
import { viewOf } from './complaintQueries.js';

/**
 * A technician's visits (or everyone's): every one still to do, whatever its day, and those of the
 * days from `fromMs` on, by appointment. One index range on (technician, window start).
 */
export function jobRows(db: Db, technicianId: string | null, fromMs: number, limit = 500): Array<{ workOrderId: string; view: CaseView }> {
  const rows = statement(db,
    `SELECT w.id AS workOrderId, w.case_id AS caseId, ${viewOf('c')} AS view FROM work_orders w JOIN complaints c ON c.id = w.case_id
     WHERE (@tech IS NULL OR w.technician_id = @tech)
       AND (w.status IN ('booked', 'en_route', 'on_site') OR w.window_start_ms >= @from)
     ORDER BY w.window_start_ms, w.id LIMIT @limit`,
  ).all({ tech: technicianId, from: fromMs, limit }) as Array<{ workOrderId: string; caseId: string; view: string }>;
  // One parse per case, however many of its visits are listed.
  const views = new Map<string, CaseView>();
  return rows.map((r) => {
    let view = views.get(r.caseId);
    if (!view) views.set(r.caseId, (view = JSON.parse(r.view) as CaseView));
    return { workOrderId: r.workOrderId, view };
  });
}

/** Visits not arrived at whose window has opened (due soon) or closed (overdue), not yet rung on this desk. */
export function arrivalAlarmsToRaise(db: Db, now: number): Array<{ caseId: string; caseNumber: string; workOrderId: string; windowStartMs: number; threshold: 'overdue' | 'due_soon' }> {
  return statement(db,
    `SELECT caseId, caseNumber, workOrderId, windowStartMs, threshold FROM (
       SELECT w.case_id AS caseId, c.case_number AS caseNumber, w.id AS workOrderId, w.window_start_ms AS windowStartMs,
         CASE WHEN w.window_end_ms <= @now THEN 'overdue' ELSE 'due_soon' END AS threshold
       FROM work_orders w JOIN complaints c ON c.id = w.case_id
       WHERE w.window_start_ms <= @now AND w.status IN ('booked', 'en_route')) AS due
     WHERE NOT EXISTS (SELECT 1 FROM alarms_raised a WHERE a.case_id = due.caseId AND a.step = 'arrival:' || due.workOrderId AND a.step_start = due.windowStartMs AND a.threshold = due.threshold)`,
  ).all({ now }) as Array<{ caseId: string; caseNumber: string; workOrderId: string; windowStartMs: number; threshold: 'overdue' | 'due_soon' }>;
}

/** How many complaints a phone number made, and how many of them ended with the customer unhappy. */
export function customerHistory(db: Db, phoneDigits: string, exceptCaseId: string): { cases: number; unhappy: number } {
  const row = statement(db, `SELECT count(*) AS cases, count(CASE WHEN satisfaction <= 2 THEN 1 END) AS unhappy FROM complaints WHERE phone_digits = ? AND id <> ?`).get(phoneDigits, exceptCaseId) as {
    cases: number;
    unhappy: number;
  };
  return row;
}
