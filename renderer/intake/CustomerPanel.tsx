import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, List, Typography } from 'antd';
import type { ResponseOf } from '../../shared/contract.js';
import { PHONE_PATTERN } from '../../shared/complaint.js';
import { call } from '../desk/client.js';
import { useNav } from '../app/navStore.js';
import { CaseTags } from '../case/CaseTags.js';

type Check = ResponseOf<'intake.check'>;
const CHECK_DELAY_MS = 400;

/** As the phone number is typed: is this a known customer, what did they complain about, is it the same again? */
export function CustomerPanel({ phone, name, description }: { phone: string; name: string; description: string }) {
  const { t } = useTranslation();
  const go = useNav((s) => s.go);
  const [check, setCheck] = useState<Check | null>(null);

  useEffect(() => {
    if (!PHONE_PATTERN.test(phone.trim())) {
      setCheck(null);
      return;
    }
    const timer = setTimeout(() => {
      call('intake.check', { phone, name, description })
        .then(setCheck)
        .catch(() => setCheck(null));
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [phone, name, description]);

  if (!check?.customer && !check?.history.length) return null;
  return (
    <Card size="small" title={t('intake.knownCustomer', { name: check.customer?.name ?? name })} data-testid="customer-panel" style={{ marginBottom: 16 }}>
      {check.dissatisfied > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="dissatisfied-before" message={t('intake.dissatisfiedBefore', { count: check.dissatisfied })} />
      )}
      {check.repeats.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="repeat-warning"
          message={t('intake.repeatWarning', { caseNumber: check.repeats[0]!.caseNumber })}
        />
      )}
      {check.customer && check.customer.tier !== 'standard' && <Typography.Text strong>{t(`tier.${check.customer.tier}`)} </Typography.Text>}
      {check.customer?.notes && <Typography.Paragraph type="secondary">{check.customer.notes}</Typography.Paragraph>}
      <List
        size="small"
        header={t('customer.history', { count: check.history.length })}
        dataSource={check.history.slice(0, 5)}
        renderItem={(c) => (
          <List.Item>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => go({ name: 'case', id: c.id })}>
              {c.caseNumber}
            </Button>
            <CaseTags summary={c} />
          </List.Item>
        )}
      />
    </Card>
  );
}
