import { useTranslation } from 'react-i18next';
import { Button, Modal, Typography } from 'antd';
import type { CaseDetail } from '../../shared/contract.js';
import { useSettings } from '../app/settingsStore.js';
import { useNav } from '../app/navStore.js';
import { useIntake } from './intakeStore.js';
import { printSection } from '../app/print.js';
import { Receipt } from './Receipt.js';
import { formatDateTime } from '../app/formatTime.js';

/** The moment after submit: a number big enough to read out, and a receipt to hand over. */
export function CaseNumberModal({ created, onNext }: { created: CaseDetail; onNext: () => void }) {
  const { t, i18n } = useTranslation();
  const settings = useSettings((s) => s.settings)!;
  const go = useNav((s) => s.go);
  const startNext = useIntake((s) => s.startNext);
  return (
    <Modal
      open
      width={620}
      title={t('done.title')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={[
        <Button key="print" onClick={() => printSection('receipt', settings.receiptPaper)}>
          {t('done.print')}
        </Button>,
        // A shared counter shows nothing beyond this case: no way into the case list from here.
        ...(settings.counterMode
          ? []
          : [
              <Button
                key="open"
                onClick={() => {
                  void startNext();
                  go({ name: 'case', id: created.id });
                }}
              >
                {t('done.open')}
              </Button>,
            ]),
        <Button key="next" type="primary" autoFocus onClick={onNext}>
          {t('done.next')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('done.readOut')}</Typography.Paragraph>
      <div className="case-number-big" data-testid="case-number">
        {created.caseNumber}
      </div>
      {created.promisedContactAt !== null && (
        <Typography.Paragraph style={{ marginTop: 8 }} data-testid="promised-contact">
          {t('done.promise', { time: formatDateTime(new Date(created.promisedContactAt).toISOString(), i18n.language, settings.timeZone, 'short') })}
        </Typography.Paragraph>
      )}
      <Receipt created={created} />
    </Modal>
  );
}
