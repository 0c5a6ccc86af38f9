import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { CaseFilter, CaseSummary } from '../../shared/contract.js';
import { SEVERITIES } from '../../shared/classification.js';
import { onDesk } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useNav } from '../app/navStore.js';
import { useSettings } from '../app/settingsStore.js';
import { formatDateTime } from '../app/formatTime.js';
import { CaseTags } from '../case/CaseTags.js';
import { DEFAULT_FILTER, useQueue } from './queueStore.js';
import { STATE_COLOURS } from '../sla/timeLeft.js';
import { useFormatDue } from '../sla/formatDue.js';

/** A filter chip that switches one criterion on and off. */
function Chip({ on, label, onToggle }: { on: boolean; label: string; onToggle(): void }) {
  return (
    <Tag.CheckableTag checked={on} onChange={onToggle} style={{ border: '1px solid #d9d9d9', padding: '2px 10px' }}>
      {label}
    </Tag.CheckableTag>
  );
}

export function QueuePage() {
  const { t, i18n } = useTranslation();
  const go = useNav((s) => s.go);
  const timeZone = useSettings((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const { filter, items, total, next, loading, setFilter, refresh, loadMore } = useQueue();
  const formatDue = useFormatDue();
  const [error, setError] = useState<string | null>(null);
  const guard = (work: Promise<void>) => work.catch((e: unknown) => setError(errorText(t, e)));

  useEffect(() => {
    void guard(refresh());
    const offChanged = onDesk('case.changed', () => void guard(refresh()));
    const offSynced = onDesk('sync.done', ({ received }) => received > 0 && void guard(refresh()));
    const offCaughtUp = onDesk('deadlines.progress', ({ finished }) => finished && void guard(refresh()));
    return () => {
      offChanged();
      offSynced();
      offCaughtUp();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refresh]);

  const toggle = (changes: Partial<CaseFilter>, on: boolean) => void guard(setFilter(on ? changes : Object.fromEntries(Object.keys(changes).map((k) => [k, undefined]))));
  const open = (row: CaseSummary) => go({ name: 'case', id: row.id });
  // Open/closed and the sort order are views of the queue, not filters that can hide work.
  const filtered = filter.scope === 'mine' || [filter.status, filter.severity, filter.major, filter.conflicts, filter.repeat].some((v) => v !== undefined);

  return (
    <Card title={t('queue.title')} extra={<Typography.Text type="secondary">{t('queue.total', { count: total })}</Typography.Text>}>
      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="queue-filters">
        <Space wrap>
          <Segmented
            value={filter.scope}
            options={[
              { value: 'all', label: t('queue.scope.all') },
              { value: 'mine', label: t('queue.scope.mine') },
            ]}
            onChange={(scope) => void guard(setFilter({ scope: scope as CaseFilter['scope'] }))}
          />
          <Segmented
            value={filter.state}
            options={(['open', 'closed', 'any'] as const).map((s) => ({ value: s, label: t(`queue.state.${s}`) }))}
            onChange={(state) => void guard(setFilter({ state: state as CaseFilter['state'] }))}
          />
          <Segmented
            value={filter.sort}
            options={[
              { value: 'urgency', label: t('queue.sort.urgency') },
              { value: 'newest', label: t('queue.sort.newest') },
            ]}
            onChange={(sort) => void guard(setFilter({ sort: sort as CaseFilter['sort'] }))}
          />
        </Space>
        <Space wrap>
          <Chip on={filter.major === true} label={t('major.major')} onToggle={() => toggle({ major: true }, filter.major !== true)} />
          {SEVERITIES.map((s) => (
            <Chip key={s} on={filter.severity === s} label={t(`severity.${s}`)} onToggle={() => toggle({ severity: s }, filter.severity !== s)} />
          ))}
          <Chip on={filter.conflicts === true} label={t('queue.conflict')} onToggle={() => toggle({ conflicts: true }, filter.conflicts !== true)} />
          <Chip on={filter.repeat === true} label={t('queue.repeat')} onToggle={() => toggle({ repeat: true }, filter.repeat !== true)} />
        </Space>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        virtual
        scroll={{ y: 600 }}
        onRow={(row) => ({ onDoubleClick: () => open(row) })}
        rowClassName={(row) => (row.clockState === 'overdue' ? 'row-overdue' : row.clockState === 'due_soon' ? 'row-due-soon' : '')}
        locale={{
          emptyText: (
            <Empty description={filtered ? t('queue.emptyFiltered') : t('queue.empty')}>
              {filtered ? (
                <Button onClick={() => void guard(setFilter({ ...DEFAULT_FILTER, major: undefined, severity: undefined, conflicts: undefined, repeat: undefined }))}>
                  {t('queue.clearFilters')}
                </Button>
              ) : (
                <Button type="primary" onClick={() => go({ name: 'intake' })}>
                  {t('queue.newCase')}
                </Button>
              )}
            </Empty>
          ),
        }}
        columns={[
          {
            title: t('queue.columns.caseNumber'),
            dataIndex: 'caseNumber',
            width: 210,
            render: (value: string, row) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => open(row)}>
                {value}
              </Button>
            ),
          },
          { title: t('queue.columns.customer'), dataIndex: 'customerName', width: 110 },
          { title: t('queue.columns.state'), key: 'tags', width: 190, render: (_: unknown, row) => <CaseTags summary={row} /> },
          {
            title: t('queue.columns.due'),
            key: 'due',
            width: 190,
            render: (_: unknown, row) =>
              row.clockState === 'paused' ? (
                <Tag>{t('sla.pausedShort')}</Tag>
              ) : row.dueAt !== null && row.clockState ? (
                <Tag color={STATE_COLOURS[row.clockState]} data-testid="due" data-clock={row.clockState}>
                  {t(`sla.state.${row.clockState}`)} · {formatDue(row.dueAt)}
                </Tag>
              ) : null,
          },
          { title: t('queue.columns.owner'), dataIndex: 'ownerName', width: 110 },
          { title: t('queue.columns.channel'), dataIndex: 'channel', width: 100, render: (c: string) => t(`channel.${c}`) },
          { title: t('queue.columns.receivedAt'), dataIndex: 'receivedAt', width: 190, render: (iso: string) => formatDateTime(iso, i18n.language, timeZone) },
        ]}
      />
      {next && (
        <Button style={{ marginTop: 16 }} onClick={() => void guard(loadMore())} loading={loading}>
          {t('queue.loadMore')}
        </Button>
      )}
    </Card>
  );
}
