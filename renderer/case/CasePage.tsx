import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Descriptions, Input, Space, Spin, Timeline, Typography, App } from 'antd';
import type { ResponseOf, TimelineEntry } from '../../shared/contract.js';
import { call, onDesk } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useNav } from '../app/navStore.js';
import { useSettings } from '../app/settingsStore.js';
import { formatDateTime } from '../app/formatTime.js';

type CaseData = ResponseOf<'case.get'>;

function EventLine({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  switch (entry.type) {
    case 'received':
      return <>{t('case.event.received', { channel: t(`channel.${String(entry.payload.channel)}`) })}</>;
    case 'note_added':
      return (
        <>
          {t('case.event.note_added')}: <Typography.Text>{String(entry.payload.text)}</Typography.Text>
        </>
      );
    default:
      return <>{t('case.event.other', { type: entry.type })}</>;
  }
}

export function CasePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const go = useNav((s) => s.go);
  const settings = useSettings((s) => s.settings)!;
  const [data, setData] = useState<CaseData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  const load = useCallback(() => {
    call('case.get', { id })
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(t, e)));
  }, [id, t]);

  useEffect(() => {
    load();
    return onDesk('case.changed', (changed) => {
      if (changed.id === id) load();
    });
  }, [id, load]);

  const time = (iso: string) => formatDateTime(iso, i18n.language, settings.timeZone);

  const addNote = async () => {
    if (!note.trim()) return;
    setSaving(true);
    try {
      await call('case.addNote', { id, text: note });
      setNote('');
      void message.success(t('case.noteSaved'));
      load();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };
  const onNoteKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void addNote();
    }
  };

  const back = (
    <Button onClick={() => go({ name: 'queue' })} style={{ marginBottom: 16 }}>
      {t('case.back')}
    </Button>
  );
  if (error && !data) return <>{back}<Alert type="error" showIcon message={error} /></>;
  if (!data) return <Spin tip={t('common.loading')} />;
  const c = data.case;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {back}
      {error && <Alert type="error" showIcon message={error} />}
      <Card
        title={
          <Space size="large">
            <Typography.Text strong style={{ fontSize: 20 }} data-testid="case-title">
              {c.caseNumber}
            </Typography.Text>
            <Typography.Text>{c.customerName}</Typography.Text>
            <Typography.Text type="secondary">{t(`status.${c.status}`)}</Typography.Text>
          </Space>
        }
      >
        {c.conflicts.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('case.conflicts', { count: c.conflicts.length })} />}
        <Descriptions column={2} bordered size="small" title={t('case.details')}>
          <Descriptions.Item label={t('queue.columns.customer')}>{c.customerName}</Descriptions.Item>
          <Descriptions.Item label={t('queue.columns.phone')}>{c.customerPhone}</Descriptions.Item>
          <Descriptions.Item label={t('queue.columns.channel')}>{t(`channel.${c.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('queue.columns.receivedAt')}>{time(c.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('case.branch')}>{c.branch}</Descriptions.Item>
          <Descriptions.Item label={t('case.receivedBy')}>{c.receivedBy}</Descriptions.Item>
          <Descriptions.Item label={t('intake.description')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.description}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('intake.expectation')} span={2}>
            {c.expectation}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('case.addNote')}>
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} onKeyDown={onNoteKey} placeholder={t('case.notePlaceholder')} maxLength={10_000} />
        <Button type="primary" style={{ marginTop: 12 }} loading={saving} disabled={!note.trim()} onClick={() => void addNote()}>
          {t('case.addNote')}
        </Button>
      </Card>
      <Card title={t('case.timeline')}>
        <Timeline
          data-testid="timeline"
          items={data.timeline.map((entry) => ({
            key: entry.id,
            children: (
              <div>
                <div>
                  <EventLine entry={entry} />
                </div>
                <Typography.Text type="secondary">
                  {time(entry.at)} · {t('case.by', { actor: entry.actor, device: entry.device.slice(-8) })}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
