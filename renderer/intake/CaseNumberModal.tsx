import { useTranslation } from 'react-i18next';
import { Button, Descriptions, Modal, Typography } from 'antd';
import type { CaseDetail } from '../../shared/contract.js';
import { useSettings } from '../app/settingsStore.js';
import { useNav } from '../app/navStore.js';
import { formatDateTime } from '../app/formatTime.js';
import { useIntake } from './intakeStore.js';
import { printSection } from '../app/print.js';

/** The moment after submit: a number big enough to read out, and a receipt to hand over. */
export function CaseNumberModal({ created, promiseTime, onNext }: { created: CaseDetail; promiseTime: string; onNext: () => void }) {
  const { t, i18n } = useTranslation();
  const settings = useSettings((s) => s.settings)!;
  const go = useNav((s) => s.go);
  const startNext = useIntake((s) => s.startNext);
  const receivedAt = formatDateTime(created.receivedAt, i18n.language, settings.timeZone);
  return (
    <Modal
      open
      title={t('done.title')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={[
        <Button key="print" onClick={() => printSection('receipt')}>
          {t('done.print')}
        </Button>,
        <Button
          key="open"
          onClick={() => {
            void startNext();
            go({ name: 'case', id: created.id });
          }}
        >
          {t('done.open')}
        </Button>,
        <Button key="next" type="primary" autoFocus onClick={onNext}>
          {t('done.next')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('done.readOut')}</Typography.Paragraph>
      <div className="case-number-big" data-testid="case-number">
        {created.caseNumber}
      </div>
      <div className="receipt">
        <Typography.Title level={3}>{t('receipt.title')}</Typography.Title>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('receipt.caseNumber')}>{created.caseNumber}</Descriptions.Item>
          <Descriptions.Item label={t('receipt.receivedAt')}>{receivedAt}</Descriptions.Item>
          <Descriptions.Item label={t('receipt.nextContact')}>{promiseTime}</Descriptions.Item>
          <Descriptions.Item label={t('receipt.customer')}>{created.customerName}</Descriptions.Item>
          <Descriptions.Item label={t('receipt.channel')}>{t(`channel.${created.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('receipt.description')}>{created.description}</Descriptions.Item>
          {created.expectation && <Descriptions.Item label={t('receipt.expectation')}>{created.expectation}</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 16 }}>{t('receipt.keep')}</Typography.Paragraph>
      </div>
    </Modal>
  );
}
