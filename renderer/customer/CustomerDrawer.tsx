import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Drawer, Form, Input, List, Select, Space, Typography } from 'antd';
import type { ResponseOf } from '../../shared/contract.js';
import { call } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useNav } from '../app/navStore.js';
import { CaseTags } from '../case/CaseTags.js';

type CustomerData = ResponseOf<'customer.get'>;
const TIERS = ['standard', 'vip', 'key_account'] as const;

/** Who the customer is and their history with us: every earlier case, one click away. */
export function CustomerDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const go = useNav((s) => s.go);
  const [data, setData] = useState<CustomerData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('customer.get', { id })
      .then(setData)
      .catch((e: unknown) => setError(errorText(t, e)));
  }, [id, t]);

  const save = async (values: { name: string; phones: string; notes: string; tier: (typeof TIERS)[number] }) => {
    try {
      const phones = values.phones.split(/[,，;；\n]/).map((p) => p.trim()).filter(Boolean);
      const customer = await call('customer.update', { id, changes: { name: values.name, phones, notes: values.notes, tier: values.tier } });
      setData((d) => (d ? { ...d, customer } : d));
      void message.success(t('customer.saved'));
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <Drawer open title={t('customer.title')} width={560} onClose={onClose}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {data && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Form
            layout="vertical"
            initialValues={{ ...data.customer, phones: data.customer.phones.join(', ') }}
            onFinish={(v) => void save(v)}
          >
            <Form.Item name="name" label={t('customer.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="phones" label={t('customer.phones')} rules={[{ required: true, whitespace: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="tier" label={t('customer.tier')}>
              <Select options={TIERS.map((tier) => ({ value: tier, label: t(`tier.${tier}`) }))} />
            </Form.Item>
            <Form.Item name="notes" label={t('customer.notes')}>
              <Input.TextArea rows={3} maxLength={4_000} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common.save')}
            </Button>
          </Form>
          <div>
            <Typography.Title level={5}>{t('customer.history', { count: data.cases.length })}</Typography.Title>
            <List
              size="small"
              dataSource={data.cases}
              renderItem={(c) => (
                <List.Item>
                  <Button
                    type="link"
                    onClick={() => {
                      onClose();
                      go({ name: 'case', id: c.id });
                    }}
                  >
                    {c.caseNumber}
                  </Button>
                  <CaseTags summary={c} />
                </List.Item>
              )}
            />
          </div>
          {data.followUps.length > 0 && (
            <div data-testid="customer-followups">
              <Typography.Title level={5}>{t('customer.followUps')}</Typography.Title>
              <List
                size="small"
                dataSource={data.followUps}
                renderItem={(f) => (
                  <List.Item>
                    <Typography.Text type="secondary">{f.caseNumber}</Typography.Text>
                    <Typography.Text>
                      {f.kind === 'reached'
                        ? t('event.followed_up', { satisfaction: t(`satisfaction.${f.satisfaction}`), solved: t(`solved.${f.solved}`) })
                        : t('event.follow_up_attempted', { outcome: t(`notReached.${f.outcome}`) })}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </div>
          )}
        </Space>
      )}
    </Drawer>
  );
}
