import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../shared/contract.js';
import { useSettings } from '../app/settingsStore.js';
import { formatDateTime } from '../app/formatTime.js';

/**
 * The customer's receipt, outside the app's root so that printing shows it alone on one page:
 * who took the complaint where, its number, what was recorded, and when we will call back.
 */
export function Receipt({ created }: { created: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const settings = useSettings((s) => s.settings)!;
  const at = (ms: number | string) => formatDateTime(typeof ms === 'number' ? new Date(ms).toISOString() : ms, i18n.language, settings.timeZone, 'short');
  const rows: Array<[string, string]> = [
    [t('receipt.caseNumber'), created.caseNumber],
    [t('receipt.receivedAt'), at(created.receivedAt)],
    [t('receipt.handler'), created.receivedByName],
    [t('receipt.customer'), created.customerName],
    [t('receipt.channel'), t(`channel.${created.channel}`)],
    [t('receipt.description'), created.description],
    ...(created.expectation ? ([[t('receipt.expectation'), created.expectation]] as Array<[string, string]>) : []),
    ...(created.promisedContactAt !== null ? ([[t('receipt.nextContact'), at(created.promisedContactAt)]] as Array<[string, string]>) : []),
  ];
  return createPortal(
    <div className={`print-receipt paper-${settings.receiptPaper}`} data-testid="receipt">
      <div className="receipt-branch">{settings.branchName || t('top.branchDevice', { branch: settings.branchCode, device: settings.deviceCode })}</div>
      <h1>{t('receipt.title')}</h1>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label} className="receipt-row">
            <dt>{label}</dt>
            <dd className={label === t('receipt.caseNumber') ? 'receipt-case-number' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
      <p>{t('receipt.keep')}</p>
      {settings.hotline && <p>{t('receipt.hotline', { hotline: settings.hotline })}</p>}
    </div>,
    document.body,
  );
}
