import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Descriptions, Input, InputNumber, Modal, Rate, Segmented, Select, Space, Spin, Steps, Switch, Table, Tag, Typography } from 'antd';
import type { CaseActionRequest, ResponseOf } from '../../shared/contract.js';
import { arrivalState, chargeOf, PHOTO_STAGES, type WorkOrderView } from '../../shared/workOrder.js';
import { newId } from '../../shared/ids.js';
import { call, DeskCallError, onDesk } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useNav } from '../app/navStore.js';
import { useSession } from '../app/sessionStore.js';
import { useSettings } from '../app/settingsStore.js';
import { deskNow } from '../app/deskClock.js';
import { useLibrary } from '../guidance/libraryStore.js';
import { AttachmentImage } from './AttachmentImage.js';
import { SignatureCapture } from './SignatureCapture.js';
import { ServiceReport } from './ServiceReport.js';
import { branchInstant, formatClock, formatMoney, formatWindow, nameIn } from './fieldFormat.js';
import { NotAnImage, photoAsJpeg, PhotoTooLarge } from './images.js';
import { ARRIVAL_COLOURS, WORK_ORDER_COLOURS } from './JobsPage.js';

type CaseData = ResponseOf<'case.get'>;
type Order = CaseData['case']['workOrders'][number];
const STEP_INDEX: Record<WorkOrderView['status'], number> = { booked: 0, en_route: 1, on_site: 2, completed: 3, cancelled: 0 };
const HOUR = 3_600_000;

/** One visit, step by step: set off, arrive, find the fault, fix it, photograph it, have the customer sign. */
export function WorkOrderPage({ caseId, workOrderId }: { caseId: string; workOrderId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const go = useNav((s) => s.go);
  const staff = useSession((s) => s.staff);
  const timeZone = useSettings((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [data, setData] = useState<CaseData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState(false);

  const load = useCallback(() => {
    call('case.get', { id: caseId })
      .then((d) => setData(d))
      .catch((e: unknown) => setError(errorText(t, e)));
  }, [caseId, t]);
  useEffect(() => {
    load();
    const off = onDesk('case.changed', (c) => c.id === caseId && load());
    const offSync = onDesk('sync.done', ({ received }) => received > 0 && load());
    return () => {
      off();
      offSync();
    };
  }, [caseId, load]);

  /** Records one step; every step is an event on the case's timeline with who, when and which desk. */
  const act = async (action: CaseActionRequest, done?: string) => {
    setBusy(true);
    setError(null);
    try {
      setData(await call('case.act', { id: caseId, action }));
      if (done) void message.success(done);
      return true;
    } catch (e) {
      setError(errorText(t, e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (!data) return error ? <Alert type="error" showIcon message={error} /> : <Spin tip={t('common.loading')} />;
  const c = data.case;
  const order = c.workOrders.find((o) => o.id === workOrderId);
  if (!order) return <Alert type="warning" showIcon message={t('field.noSuchOrder')} />;
  const mine = staff?.id === order.technicianId;
  const supervising = staff?.role === 'supervisor' || staff?.role === 'manager';
  const arrival = arrivalState(order, deskNow());
  const step = (type: 'work_order_set_off' | 'work_order_arrived') => void act({ type, payload: { workOrderId } }, t(`field.done.${type}`));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 1000 }} data-testid="work-order">
      <Space wrap>
        <Button size="large" onClick={() => go({ name: 'jobs' })}>
          {t('field.backToJobs')}
        </Button>
        <Button size="large" onClick={() => go({ name: 'case', id: caseId })}>
          {t('field.openCase', { caseNumber: c.caseNumber })}
        </Button>
        {order.status === 'completed' && (
          <Button size="large" type="primary" onClick={() => setReport(true)} data-testid="open-report">
            {t('field.report.open')}
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      <Card
        title={
          <Space wrap size="middle">
            <Typography.Text strong style={{ fontSize: 18 }}>
              {formatWindow(order.windowStartMs, order.windowEndMs, i18n.language, timeZone)}
            </Typography.Text>
            <Tag color={WORK_ORDER_COLOURS[order.status]} data-testid="work-order-status">
              {t(`field.status.${order.status}`)}
            </Tag>
            {arrival && arrival !== 'ok' && <Tag color={ARRIVAL_COLOURS[arrival]}>{t(`field.arrival.${arrival}`)}</Tag>}
          </Space>
        }
        extra={<Typography.Text type="secondary">{c.caseNumber}</Typography.Text>}
      >
        <Steps
          current={STEP_INDEX[order.status]}
          status={order.status === 'cancelled' ? 'error' : undefined}
          items={['booked', 'en_route', 'on_site', 'completed'].map((s) => ({ title: t(`field.status.${s}`) }))}
          style={{ marginBottom: 16 }}
        />
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label={t('field.customer')}>{c.customerName}</Descriptions.Item>
          <Descriptions.Item label={t('field.phone')}>{order.phone}</Descriptions.Item>
          <Descriptions.Item label={t('field.address')} span={2}>
            {order.address}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.inTheirWordsLabel')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.description}</span>
          </Descriptions.Item>
          {order.checkList && (
            <Descriptions.Item label={t('field.checkList')} span={2}>
              {order.checkList}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('field.technician')}>{order.technicianName}</Descriptions.Item>
          <Descriptions.Item label={t('field.arrivedAt')}>{order.arrivedAtMs ? formatClock(order.arrivedAtMs, i18n.language, timeZone) : '—'}</Descriptions.Item>
          {order.cancelReason && (
            <Descriptions.Item label={t('field.cancelReason')} span={2}>
              {order.cancelReason}
            </Descriptions.Item>
          )}
        </Descriptions>
        {mine && (order.status === 'booked' || order.status === 'en_route') && (
          <Space wrap style={{ marginTop: 16 }}>
            {order.status === 'booked' && (
              <Button size="large" onClick={() => step('work_order_set_off')} disabled={busy} data-testid="set-off">
                {t('field.setOff')}
              </Button>
            )}
            <Button size="large" type="primary" onClick={() => step('work_order_arrived')} disabled={busy} data-testid="arrived">
              {t('field.arrived')}
            </Button>
          </Space>
        )}
        {(supervising || c.ownerId === staff?.id) && (order.status === 'booked' || order.status === 'en_route' || order.status === 'on_site') && (
          <BookingActions order={order} busy={busy} act={act} supervising={supervising} />
        )}
      </Card>
      {(order.status === 'on_site' || order.status === 'completed') && <VisitWork order={order} editable={mine && order.status === 'on_site'} busy={busy} act={act} customerName={c.customerName} setError={setError} />}
      {report && <ServiceReport detail={c} order={order} onClose={() => setReport(false)} />}
    </Space>
  );
}

type Act = (action: CaseActionRequest, done?: string) => Promise<boolean>;

/** Changing a booking: the owner or a supervisor moves the window; a supervisor reassigns or cancels. */
function BookingActions({ order, busy, act, supervising }: { order: Order; busy: boolean; act: Act; supervising: boolean }) {
  const { t } = useTranslation();
  const timeZone = useSettings((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [technicians, setTechnicians] = useState<Array<{ value: string; label: string }>>([]);
  const [cancelling, setCancelling] = useState(false);
  const [moving, setMoving] = useState(false);
  const [reason, setReason] = useState('');
  const [start, setStart] = useState('');
  const [hours, setHours] = useState(2);
  useEffect(() => {
    call('staff.roster', {})
      .then((r) => setTechnicians(r.staff.filter((s) => s.role === 'technician' && s.active).map((s) => ({ value: s.id, label: s.name }))))
      .catch(() => undefined);
  }, []);
  const reschedule = () => {
    const from = branchInstant(start, timeZone);
    void act(
      { type: 'work_order_rescheduled', payload: { workOrderId: order.id, windowStart: new Date(from).toISOString(), windowEnd: new Date(from + hours * HOUR).toISOString(), reason } },
      t('field.done.work_order_rescheduled'),
    ).then((ok) => ok && setMoving(false));
  };
  return (
    <Space wrap style={{ marginTop: 16 }}>
      {order.status !== 'on_site' && (
        <Button size="large" onClick={() => setMoving(true)} disabled={busy}>
          {t('action.work_order_rescheduled')}
        </Button>
      )}
      <Modal
        open={moving}
        title={t('action.work_order_rescheduled')}
        okButtonProps={{ disabled: !start || !reason.trim() }}
        onCancel={() => setMoving(false)}
        onOk={reschedule}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Input type="datetime-local" size="large" value={start} onChange={(e) => setStart(e.target.value)} aria-label={t('field.windowStart')} style={{ width: 240 }} />
            <InputNumber size="large" min={1} max={12} value={hours} onChange={(v) => setHours(v ?? 2)} addonAfter={t('field.hours')} aria-label={t('field.windowHours')} />
          </Space>
          <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('actionField.reason')} aria-label={t('actionField.reason')} />
        </Space>
      </Modal>
      {supervising && order.status !== 'on_site' && (
        <Select
          size="large"
          style={{ minWidth: 220 }}
          value={order.technicianId}
          options={technicians}
          aria-label={t('field.reassign')}
          onChange={(technicianId: string) => void act({ type: 'work_order_reassigned', payload: { workOrderId: order.id, technicianId } }, t('field.done.work_order_reassigned'))}
        />
      )}
      {supervising && (
        <Button size="large" danger onClick={() => setCancelling(true)} disabled={busy}>
          {t('field.cancel')}
        </Button>
      )}
      <Modal
        open={cancelling}
        title={t('field.cancel')}
        okText={t('field.cancel')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onCancel={() => setCancelling(false)}
        onOk={() => void act({ type: 'work_order_cancelled', payload: { workOrderId: order.id, reason } }, t('field.done.work_order_cancelled')).then((ok) => ok && setCancelling(false))}
      >
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('field.cancelReason')} aria-label={t('field.cancelReason')} autoFocus />
      </Modal>
    </Space>
  );
}

function VisitWork({ order, editable, busy, act, customerName, setError }: { order: Order; editable: boolean; busy: boolean; act: Act; customerName: string; setError: (e: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const timeZone = useSettings((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const catalogue = useLibrary((s) => s.library.catalogue);
  const workOrderId = order.id;
  const [faultCategory, setFaultCategory] = useState<string | undefined>(order.diagnosis?.faultCategory);
  const [fault, setFault] = useState(order.diagnosis?.fault ?? '');
  const [partCode, setPartCode] = useState<string | undefined>();
  const [quantity, setQuantity] = useState(1);
  const [warranty, setWarranty] = useState(true);
  const [workDone, setWorkDone] = useState(order.workDone ?? '');
  const [stage, setStage] = useState<(typeof PHOTO_STAGES)[number]>('before');
  const [labourYuan, setLabourYuan] = useState<number>(0);
  const [rating, setRating] = useState(0);
  const [again, setAgain] = useState(false);
  const [againStart, setAgainStart] = useState('');
  const [againHours, setAgainHours] = useState(2);
  const part = catalogue.parts.find((p) => p.code === partCode);
  const faultName = (code: string) => {
    const f = catalogue.faults.find((x) => x.code === code);
    return f ? nameIn(f.names, i18n.language) : code;
  };
  const partOptions = useMemo(
    () => catalogue.parts.map((p) => ({ value: p.code, label: `${nameIn(p.names, i18n.language)} · ${p.code} · ${formatMoney(p.unitPrice, i18n.language)}` })),
    [catalogue.parts, i18n.language],
  );

  const addPhoto = async (file: File) => {
    try {
      const data = await photoAsJpeg(file);
      const attachment = await call('attachment.add', { mediaType: 'image/jpeg', data });
      await act({ type: 'work_order_photo_added', payload: { workOrderId, stage, attachment } }, t('field.done.work_order_photo_added'));
    } catch (e) {
      setError(e instanceof PhotoTooLarge ? t('errors.too_large') : e instanceof NotAnImage ? t('errors.unsupported_type') : e instanceof DeskCallError ? errorText(t, e) : t('errors.internal'));
    }
  };
  const sign = async (signerName: string, png: string) => {
    try {
      const attachment = await call('attachment.add', { mediaType: 'image/png', data: png });
      await act({ type: 'work_order_signed', payload: { workOrderId, signerName, attachment } }, t('field.done.work_order_signed'));
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  const complete = () => {
    const start = againStart ? branchInstant(againStart, timeZone) : NaN;
    const nextVisit = again && Number.isFinite(start) ? { workOrderId: newId(), windowStart: new Date(start).toISOString(), windowEnd: new Date(start + againHours * HOUR).toISOString() } : null;
    void act({ type: 'work_order_completed', payload: { workOrderId, labour: Math.round(labourYuan * 100), rating: rating || null, nextVisit } }, t('field.done.work_order_completed'));
  };
  const total = chargeOf({ parts: order.parts, labour: order.status === 'completed' ? order.labour : Math.round(labourYuan * 100) });

  return (
    <>
      <Card title={t('field.diagnosis')}>
        {editable ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Select
              size="large"
              showSearch
              optionFilterProp="label"
              placeholder={t('field.faultCategory')}
              aria-label={t('field.faultCategory')}
              value={faultCategory}
              onChange={setFaultCategory}
              options={catalogue.faults.map((f) => ({ value: f.code, label: nameIn(f.names, i18n.language) }))}
              style={{ maxWidth: 360 }}
              data-testid="fault-category"
            />
            <Input.TextArea rows={3} value={fault} onChange={(e) => setFault(e.target.value)} placeholder={t('field.faultText')} aria-label={t('field.faultText')} maxLength={4_000} />
            <Button size="large" disabled={!faultCategory || !fault.trim() || busy} onClick={() => faultCategory && void act({ type: 'work_order_diagnosed', payload: { workOrderId, faultCategory, fault } }, t('field.done.work_order_diagnosed'))}>
              {t('field.saveDiagnosis')}
            </Button>
          </Space>
        ) : null}
        {order.diagnosis && (
          <Typography.Paragraph style={{ marginTop: editable ? 12 : 0 }} data-testid="diagnosis">
            <Tag>{faultName(order.diagnosis.faultCategory)}</Tag>
            {order.diagnosis.fault}
          </Typography.Paragraph>
        )}
      </Card>

      <Card title={t('field.parts')}>
        {editable && (
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              size="large"
              showSearch
              optionFilterProp="label"
              placeholder={t('field.choosePart')}
              aria-label={t('field.choosePart')}
              value={partCode}
              onChange={(code: string) => {
                setPartCode(code);
                setWarranty(catalogue.parts.find((p) => p.code === code)?.warranty ?? false);
              }}
              options={partOptions}
              style={{ minWidth: 360 }}
              data-testid="part-select"
            />
            <InputNumber size="large" min={1} max={999} value={quantity} onChange={(v) => setQuantity(v ?? 1)} aria-label={t('field.quantity')} addonBefore={t('field.quantity')} />
            <Space>
              <Switch checked={warranty} onChange={setWarranty} aria-label={t('field.warranty')} />
              {t('field.warranty')}
            </Space>
            <Button
              size="large"
              disabled={!part || busy}
              data-testid="add-part"
              onClick={() => {
                if (!part) return;
                void act({ type: 'work_order_part_used', payload: { workOrderId, code: part.code, name: nameIn(part.names, i18n.language), unitPrice: part.unitPrice, warranty, quantity } }, t('field.done.work_order_part_used')).then(() => {
                  setPartCode(undefined);
                  setQuantity(1);
                });
              }}
            >
              {t('field.addPart')}
            </Button>
          </Space>
        )}
        <PartsTable order={order} />
      </Card>

      <Card title={t('field.photos')}>
        {editable && (
          <Space wrap style={{ marginBottom: 12 }}>
            <Segmented size="large" value={stage} onChange={(v) => setStage(v as typeof stage)} options={PHOTO_STAGES.map((s) => ({ value: s, label: t(`field.stage.${s}`) }))} />
            <label className="ant-btn ant-btn-default ant-btn-lg" style={{ cursor: 'pointer' }}>
              {t('field.addPhoto')}
              <input
                type="file"
                accept="image/*"
                capture="environment"
                data-testid="photo-input"
                style={{ display: 'none' }}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void addPhoto(file);
                }}
              />
            </label>
          </Space>
        )}
        <Space wrap>
          {order.photos.length === 0 && <Typography.Text type="secondary">{t('field.noPhotos')}</Typography.Text>}
          {order.photos.map((p, i) => (
            <Space key={`${p.attachment.hash}-${i}`} direction="vertical" size={2}>
              <AttachmentImage attachment={p.attachment} alt={t(`field.stage.${p.stage}`)} />
              <Typography.Text type="secondary">{t(`field.stage.${p.stage}`)}</Typography.Text>
            </Space>
          ))}
        </Space>
      </Card>

      <Card title={t('field.workDone')}>
        {editable && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea rows={3} value={workDone} onChange={(e) => setWorkDone(e.target.value)} aria-label={t('field.workDone')} maxLength={4_000} />
            <Button size="large" disabled={!workDone.trim() || busy} onClick={() => void act({ type: 'work_order_work_done', payload: { workOrderId, summary: workDone } }, t('field.done.work_order_work_done'))}>
              {t('field.saveWorkDone')}
            </Button>
          </Space>
        )}
        {!editable && <Typography.Paragraph>{order.workDone}</Typography.Paragraph>}
      </Card>

      <Card title={t('field.signature')}>
        {order.signature ? (
          <Space direction="vertical">
            <AttachmentImage attachment={order.signature.attachment} alt={t('field.signature')} height={120} />
            <Typography.Text>{t('field.signedBy', { name: order.signature.signerName })}</Typography.Text>
          </Space>
        ) : editable ? (
          <SignatureCapture defaultName={customerName} busy={busy} onSave={(name, png) => void sign(name, png)} />
        ) : (
          <Typography.Text type="secondary">{t('field.notSigned')}</Typography.Text>
        )}
      </Card>

      {editable && (
        <Card title={t('field.complete')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap size="large">
              <InputNumber size="large" min={0} max={100_000} step={10} value={labourYuan} onChange={(v) => setLabourYuan(v ?? 0)} addonBefore={t('field.labour')} addonAfter="¥" aria-label={t('field.labour')} />
              <Typography.Text strong data-testid="total-charge">
                {t('field.total', { amount: formatMoney(total, i18n.language) })}
              </Typography.Text>
            </Space>
            <Space>
              <Typography.Text>{t('field.rating')}</Typography.Text>
              <Rate value={rating} onChange={setRating} style={{ fontSize: 32 }} aria-label={t('field.rating')} />
            </Space>
            <Space wrap>
              <Switch checked={again} onChange={setAgain} aria-label={t('field.anotherVisit')} />
              {t('field.anotherVisit')}
              {again && (
                <>
                  <Input type="datetime-local" size="large" value={againStart} onChange={(e) => setAgainStart(e.target.value)} aria-label={t('field.nextVisitStart')} style={{ width: 240 }} />
                  <InputNumber size="large" min={1} max={12} value={againHours} onChange={(v) => setAgainHours(v ?? 2)} addonAfter={t('field.hours')} aria-label={t('field.nextVisitHours')} />
                </>
              )}
            </Space>
            {!order.signature && <Alert type="info" showIcon message={t('field.signFirst')} />}
            <Button size="large" type="primary" disabled={!order.workDone || busy || (again && !againStart)} onClick={complete} data-testid="complete">
              {t('field.completeButton')}
            </Button>
          </Space>
        </Card>
      )}
    </>
  );
}

export function PartsTable({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const money = (fen: number) => formatMoney(fen, i18n.language);
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(_, i) => String(i)}
      dataSource={order.parts}
      locale={{ emptyText: t('field.noParts') }}
      data-testid="parts-table"
      columns={[
        { title: t('field.partName'), dataIndex: 'name' },
        { title: t('field.partCode'), dataIndex: 'code' },
        { title: t('field.quantity'), dataIndex: 'quantity', align: 'right' },
        { title: t('field.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: (v: number) => money(v) },
        { title: t('field.warranty'), dataIndex: 'warranty', render: (w: boolean) => (w ? t('field.underWarranty') : t('field.chargeable')) },
        { title: t('field.charged'), key: 'charged', align: 'right', render: (_: unknown, p: Order['parts'][number]) => money(p.warranty ? 0 : p.unitPrice * p.quantity) },
      ]}
    />
  );
}
