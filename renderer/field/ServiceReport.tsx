import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Button, Modal, Space } from 'antd';
import type { ResponseOf } from '../../shared/contract.js';
import { chargeOf } from '../../shared/workOrder.js';
import { useSettings } from '../app/settingsStore.js';
import { printSection } from '../app/print.js';
import { useLibrary } from '../guidance/libraryStore.js';
import { AttachmentImage } from './AttachmentImage.js';
import { formatClock, formatMoney, nameIn } from './fieldFormat.js';
import { PartsTable } from './WorkOrderPage.js';

type Detail = ResponseOf<'case.get'>['case'];
type Order = Detail['workOrders'][number];

/** 服务报告单: what the customer keeps, in the desk's language; printed or saved as PDF. */
export function ServiceReport({ detail, order, onClose }: { detail: Detail; order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      width={860}
      title={t('field.report.title')}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('field.report.close')}</Button>
          <Button type="primary" onClick={() => printSection('report')} data-testid="print-report">
            {t('field.report.print')}
          </Button>
        </Space>
      }
    >
      <ReportBody detail={detail} order={order} />
      {createPortal(
        <div className="print-report" data-testid="service-report-print">
          <ReportBody detail={detail} order={order} />
        </div>,
        document.body,
      )}
    </Modal>
  );
}

function ReportBody({ detail, order }: { detail: Detail; order: Order }) {
  const { t, i18n } = useTranslation();
  const settings = useSettings((s) => s.settings);
  const catalogue = useLibrary((s) => s.library.catalogue);
  const timeZone = settings?.timeZone ?? 'Asia/Shanghai';
  const at = (ms: number | null) => (ms ? formatClock(ms, i18n.language, timeZone) : '—');
  const fault = order.diagnosis ? catalogue.faults.find((f) => f.code === order.diagnosis?.faultCategory) : undefined;
  const rows: Array<[string, string]> = [
    [t('field.report.caseNumber'), detail.caseNumber],
    [t('field.customer'), detail.customerName],
    [t('field.address'), order.address],
    [t('field.phone'), order.phone],
    [t('field.technician'), order.technicianName],
    [t('field.arrivedAt'), at(order.arrivedAtMs)],
    [t('field.finishedAt'), at(order.completedAtMs)],
    [t('field.diagnosis'), [fault ? nameIn(fault.names, i18n.language) : order.diagnosis?.faultCategory, order.diagnosis?.fault].filter(Boolean).join(t('common.listSeparator')) || '—'],
    [t('field.workDone'), order.workDone ?? '—'],
    [t('field.labour'), formatMoney(order.labour, i18n.language)],
    [t('field.report.total'), formatMoney(chargeOf(order), i18n.language)],
    [t('field.rating'), order.rating ? t('field.report.stars', { count: order.rating }) : '—'],
  ];
  return (
    <div className="service-report">
      <h2 style={{ textAlign: 'center' }}>{t('field.report.title')}</h2>
      <p style={{ textAlign: 'center' }}>{t('top.branchDevice', { branch: detail.branch, device: settings?.deviceCode ?? '' })}</p>
      <table className="report-table" style={{ width: '100%', borderCollapse: 'collapse' }}>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th style={{ textAlign: 'left', width: '8em', padding: '4px 8px', border: '1px solid #ccc', verticalAlign: 'top' }}>{label}</th>
              <td style={{ padding: '4px 8px', border: '1px solid #ccc', whiteSpace: 'pre-wrap' }}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('field.parts')}</h3>
      <PartsTable order={order} />
      {order.photos.length > 0 && (
        <>
          <h3>{t('field.photos')}</h3>
          <Space wrap>
            {order.photos.map((p, i) => (
              <AttachmentImage key={`${p.attachment.hash}-${i}`} attachment={p.attachment} alt={t(`field.stage.${p.stage}`)} height={110} />
            ))}
          </Space>
        </>
      )}
      <h3>{t('field.report.customerSignature')}</h3>
      {order.signature ? (
        <Space direction="vertical">
          <AttachmentImage attachment={order.signature.attachment} alt={t('field.signature')} height={100} />
          <span>{t('field.signedBy', { name: order.signature.signerName })}</span>
        </Space>
      ) : (
        <p>{t('field.notSigned')}</p>
      )}
    </div>
  );
}
