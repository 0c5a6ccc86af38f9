import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Empty, Table, Tag, Typography } from 'antd';
import type { CaseSummary } from '../../shared/contract.js';
import { onDesk } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useNav } from '../app/navStore.js';
import { useSettings } from '../app/settingsStore.js';
import { formatDateTime } from '../app/formatTime.js';
import { useQueue } from './queueStore.js';

export function QueuePage() {
  const { t, i18n } = useTranslation();
  const go = useNav((s) => s.go);
  const settings = useSettings((s) => s.settings)!;
  const { items, total, next, loading, refresh, loadMore } = useQueue();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const reload = () => refresh().catch((e: unknown) => setError(errorText(t, e)));
    reload();
    return onDesk('case.changed', reload);
  }, [refresh, t]);

  const open = (row: CaseSummary) => go({ name: 'case', id: row.id });

  return (
    <Card title={t('queue.title')} extra={<Typography.Text type="secondary">{t('queue.total', { count: total })}</Typography.Text>}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        virtual
        scroll={{ y: 640 }}
        onRow={(row) => ({ onDoubleClick: () => open(row) })}
        locale={{
          emptyText: (
            <Empty description={t('queue.empty')}>
              <Button type="primary" onClick={() => go({ name: 'intake' })}>
                {t('queue.newCase')}
              </Button>
            </Empty>
          ),
        }}
        columns={[
          {
            title: t('queue.columns.caseNumber'),
            dataIndex: 'caseNumber',
            width: 240,
            render: (value: string, row) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => open(row)}>
                {value}
                {row.conflictCount > 0 && <Tag color="orange" style={{ marginLeft: 8 }}>{t('queue.conflict')}</Tag>}
              </Button>
            ),
          },
          { title: t('queue.columns.customer'), dataIndex: 'customerName', width: 160 },
          { title: t('queue.columns.phone'), dataIndex: 'customerPhone', width: 160 },
          { title: t('queue.columns.channel'), dataIndex: 'channel', width: 120, render: (c: string) => t(`channel.${c}`) },
          { title: t('queue.columns.status'), dataIndex: 'status', width: 100, render: (s: string) => t(`status.${s}`) },
          {
            title: t('queue.columns.receivedAt'),
            dataIndex: 'receivedAt',
            render: (iso: string) => formatDateTime(iso, i18n.language, settings.timeZone),
          },
        ]}
      />
      {next && (
        <Button style={{ marginTop: 16 }} onClick={() => void loadMore().catch((e: unknown) => setError(errorText(t, e)))} loading={loading}>
          {t('queue.loadMore')}
        </Button>
      )}
    </Card>
  );
}
