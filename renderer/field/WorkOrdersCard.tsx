import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Form, Input, InputNumber, List, Modal, Select, Space, Tag, Typography } from 'antd';
import type { CaseActionRequest, ResponseOf, StaffSummary } from '../../shared/contract.js';
import { arrivalState } from '../../shared/workOrder.js';
import { newId } from '../../shared/ids.js';
import { useNav } from '../app/navStore.js';
import { useSession } from '../app/sessionStore.js';
import { useSettings } from '../app/settingsStore.js';
import { deskNow } from '../app/deskClock.js';
import { AttachmentImage } from './AttachmentImage.js';
import { branchInstant, formatWindow } from './fieldFormat.js';
import { ARRIVAL_COLOURS, WORK_ORDER_COLOURS } from './JobsPage.js';

type Detail = ResponseOf<'case.get'>['case'];
const HOUR = 3_600_000;

/** The case's onsite visits: booked, under way or done, with the result and what the customer signed. */
export function WorkOrdersCard({ detail, staff, canBook, act }: { detail: Detail; staff: StaffSummary[]; canBook: boolean; act: (action: CaseActionRequest) => Promise<boolean> }) {
  const { t, i18n } = useTranslation();
  const go = useNav((s) => s.go);
  const timeZone = useSettings((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [booking, setBooking] = useState(false);
  if (!detail.workOrders.length && !canBook) return null;
  return (
    <Card
      title={t('field.caseCardTitle')}
      className="no-print-controls"
      extra={
        canBook && (
          <Button onClick={() => setBooking(true)} data-testid="book-visit" className="no-print">
            {t('field.book')}
          </Button>
        )
      }
    >
      <List
        dataSource={detail.workOrders}
        locale={{ emptyText: t('field.noVisits') }}
        data-testid="case-work-orders"
        renderItem={(o) => {
          const arrival = arrivalState(o, deskNow());
          return (
            <List.Item
              actions={[
                <Button key="open" className="no-print" onClick={() => go({ name: 'workOrder', caseId: detail.id, workOrderId: o.id })}>
                  {t('field.open')}
                </Button>,
              ]}
            >
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{formatWindow(o.windowStartMs, o.windowEndMs, i18n.language, timeZone)}</Typography.Text>
                  <Tag color={WORK_ORDER_COLOURS[o.status]}>{t(`field.status.${o.status}`)}</Tag>
                  {arrival && arrival !== 'ok' && <Tag color={ARRIVAL_COLOURS[arrival]}>{t(`field.arrival.${arrival}`)}</Tag>}
                  <Typography.Text>{t('field.technicianIs', { name: o.technicianName })}</Typography.Text>
                </Space>
                <Typography.Text type="secondary">{o.address}</Typography.Text>
                {o.workDone && <Typography.Text>{t('common.labelled', { label: t('field.workDone') })}{o.workDone}</Typography.Text>}
                {(o.photos.length > 0 || o.signature) && (
                  <Space wrap align="end">
                    {o.photos.map((p, i) => (
                      <AttachmentImage key={`${p.attachment.hash}-${i}`} attachment={p.attachment} alt={t(`field.stage.${p.stage}`)} height={72} />
                    ))}
                    {o.signature && (
                      <Space direction="vertical" size={0}>
                        <AttachmentImage attachment={o.signature.attachment} alt={t('field.signature')} height={72} />
                        <Typography.Text type="secondary">{t('field.signedBy', { name: o.signature.signerName })}</Typography.Text>
                      </Space>
                    )}
                  </Space>
                )}
              </Space>
            </List.Item>
          );
        }}
      />
      {booking && <BookVisitModal detail={detail} staff={staff} onClose={() => setBooking(false)} act={act} />}
    </Card>
  );
}

interface BookingForm {
  technicianId: string;
  start: string;
  hours: number;
  address: string;
  phone: string;
  checkList: string;
}

/** 预约上门: the technician and the window agreed with the customer on the phone. */
function BookVisitModal({ detail, staff, onClose, act }: { detail: Detail; staff: StaffSummary[]; onClose: () => void; act: (action: CaseActionRequest) => Promise<boolean> }) {
  const { t } = useTranslation();
  const me = useSession((s) => s.staff);
  const timeZone = useSettings((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [form] = Form.useForm<BookingForm>();
  const [busy, setBusy] = useState(false);
  const technicians = staff.filter((s) => s.role === 'technician' && s.active);
  const previous = detail.workOrders.at(-1);
  useEffect(() => {
    form.setFieldsValue({ address: previous?.address ?? '', phone: previous?.phone ?? detail.customerPhone, hours: 2, checkList: '' });
  }, [form, previous, detail.customerPhone]);
  const submit = async (v: BookingForm) => {
    setBusy(true);
    const start = branchInstant(v.start, timeZone);
    const ok = await act({
      type: 'work_order_created',
      payload: { workOrderId: newId(), technicianId: v.technicianId, windowStart: new Date(start).toISOString(), windowEnd: new Date(start + v.hours * HOUR).toISOString(), address: v.address, phone: v.phone, checkList: v.checkList ?? '', previousId: previous?.id ?? null },
    });
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Modal open title={t('field.book')} onCancel={onClose} okText={t('field.bookButton')} confirmLoading={busy} onOk={() => form.submit()} destroyOnHidden>
      {!technicians.length && <Alert type="warning" showIcon message={t('field.noTechnicians')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="book-form" initialValues={{ technicianId: technicians[0]?.id }}>
        <Form.Item name="technicianId" label={t('field.technician')} rules={[{ required: true, message: t('field.required') }]}>
          <Select size="large" options={technicians.map((s) => ({ value: s.id, label: s.name }))} disabled={!me} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="start" label={t('field.windowStart')} rules={[{ required: true, message: t('field.required') }]}>
            <Input type="datetime-local" size="large" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="hours" label={t('field.windowHours')} rules={[{ required: true, message: t('field.required') }]}>
            <InputNumber size="large" min={1} max={12} addonAfter={t('field.hours')} />
          </Form.Item>
        </Space>
        <Form.Item name="address" label={t('field.address')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input size="large" maxLength={500} />
        </Form.Item>
        <Form.Item name="phone" label={t('field.phone')} rules={[{ required: true, message: t('field.required') }]}>
          <Input size="large" maxLength={30} />
        </Form.Item>
        <Form.Item name="checkList" label={t('field.checkList')}>
          <Input.TextArea rows={2} maxLength={2_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
