import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Descriptions, Form, Input, List, Typography } from 'antd';
import { call } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useSync } from '../sync/syncStore.js';
import { useSettings } from '../app/settingsStore.js';
import { useFormatDue } from '../sla/formatDue.js';

/** Joining the central server with a one-time code, and what sync has done since. */
export function SyncSettings() {
  const { t } = useTranslation();
  const { status, refresh, syncNow } = useSync();
  const loadSettings = useSettings((s) => s.load);
  const format = useFormatDue();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const enrol = async (values: { serverUrl: string; code: string }) => {
    setBusy(true);
    setError(null);
    try {
      await call('sync.enrol', values);
      await Promise.all([refresh(), loadSettings()]);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('sync.title')}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      {status?.configured ? (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('sync.server')}>{status.serverUrl}</Descriptions.Item>
            <Descriptions.Item label={t('sync.state')}>{status.online ? t('sync.online') : t('sync.offlineShort')}</Descriptions.Item>
            <Descriptions.Item label={t('sync.waitingLabel')}>{status.waiting}</Descriptions.Item>
            <Descriptions.Item label={t('sync.lastSync')}>{status.lastSyncAt ? format(status.lastSyncAt) : '—'}</Descriptions.Item>
          </Descriptions>
          {status.skewWarning && <Alert type="warning" showIcon style={{ marginTop: 12 }} message={t('sync.skew')} />}
          <Button style={{ marginTop: 12 }} type="primary" loading={status.syncing || busy} onClick={() => void syncNow().catch((e: unknown) => setError(errorText(t, e)))}>
            {t('sync.now')}
          </Button>
          {status.refused.length > 0 && (
            <List
              style={{ marginTop: 12 }}
              size="small"
              header={<Typography.Text strong>{t('sync.refusedTitle')}</Typography.Text>}
              dataSource={status.refused}
              renderItem={(r) => (
                <List.Item>
                  {t(`event.${r.type}`, { defaultValue: r.type })} — {t(`sync.refusal.${r.reason}`, { defaultValue: r.reason })}
                </List.Item>
              )}
            />
          )}
        </>
      ) : (
        <Form layout="vertical" onFinish={(v: { serverUrl: string; code: string }) => void enrol(v)}>
          <Typography.Paragraph type="secondary">{t('sync.enrolHint')}</Typography.Paragraph>
          <Form.Item name="serverUrl" label={t('sync.server')} rules={[{ required: true, type: 'url', message: t('sync.serverRule') }]}>
            <Input placeholder="https://calmdesk.example.cn" />
          </Form.Item>
          <Form.Item name="code" label={t('sync.code')} rules={[{ required: true, min: 6, message: t('sync.codeRule') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('sync.enrol')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
