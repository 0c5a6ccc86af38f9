import type { Db } from '../../db/open.js';
import { customerHistory, jobRows } from '../../db/workOrderQueries.js';
import { attachmentFile } from '../../db/attachmentQueries.js';
import { staffById, staffNames } from '../../db/referenceQueries.js';
import { normalizePhone } from '../../shared/complaint.js';
import { instantOf, localParts } from '../../shared/sla/time.js';
import { SUPERVISING_ROLES } from '../../shared/staff.js';
import type { CaseActionRequest, JobItem, ResponseOf } from '../../shared/contract.js';
import type { AttachmentMediaType } from '../../shared/workOrder.js';
import type { StaffView } from '../../shared/referenceFold.js';
import type { Clock } from './clock.js';
import { DeskError } from './deskError.js';
import type { AttachmentStore } from './attachmentStore.js';

/** Field technicians' work: their day of visits, and the photos and signatures taken at the door. */
export function createFieldService(db: Db, clock: Clock, timeZone: () => string, store: AttachmentStore) {
  return {
    /** Today's and later visits, and every earlier one not finished, by appointment. */
    jobs(staff: StaffView, scope: 'mine' | 'all'): JobItem[] {
      const everyone = scope === 'all' && SUPERVISING_ROLES.includes(staff.role);
      const tz = timeZone();
      const today = instantOf(localParts(clock.now(), tz).date, 0, tz);
      const names = staffNames(db);
      return jobRows(db, everyone ? null : staff.id, today).flatMap(({ workOrderId, view }) => {
        const workOrder = view.workOrders.find((o) => o.id === workOrderId);
        if (!workOrder) return [];
        return [
          {
            workOrder,
            technicianName: names.get(workOrder.technicianId) ?? workOrder.technicianId,
            caseId: view.id,
            caseNumber: view.caseNumber,
            caseStatus: view.status,
            customerName: view.customerName,
            description: view.description,
            expectation: view.expectation,
            severity: view.severity,
            major: view.major,
            history: customerHistory(db, normalizePhone(view.customerPhone), view.id),
          },
        ];
      });
    },

    /**
     * What the fold cannot know: the technician named is a technician of this desk, and a photo or
     * signature an event refers to is really stored here (an event never points at nothing).
     */
    checkAction(action: CaseActionRequest): void {
      if (action.type === 'work_order_created' || action.type === 'work_order_reassigned') {
        const tech = staffById(db, action.payload.technicianId);
        if (!tech?.active || tech.role !== 'technician') {
          throw new DeskError('invalid_request', 'the work order needs an active technician', { fields: [{ path: 'action.payload.technicianId', code: 'not_technician' }] });
        }
      }
      if ((action.type === 'work_order_photo_added' || action.type === 'work_order_signed') && !store.has(action.payload.attachment.hash)) {
        throw new DeskError('invalid_request', 'the attachment is not stored on this desk', { fields: [{ path: 'action.payload.attachment', code: 'unknown_attachment' }] });
      }
    },

    addAttachment(data: string, mediaType: AttachmentMediaType): ResponseOf<'attachment.add'> {
      return store.add(Buffer.from(data, 'base64'), mediaType);
    },

    getAttachment(hash: string): ResponseOf<'attachment.get'> {
      const bytes = store.read(hash);
      const file = bytes && attachmentFile(db, hash);
      return bytes && file ? { state: 'present', mediaType: file.mediaType, data: Buffer.from(bytes).toString('base64') } : { state: 'missing' };
    },
  };
}
export type FieldService = ReturnType<typeof createFieldService>;
