import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Empty, Segmented, Space, Spin, Tag, Typography } from 'antd';
import type { JobItem } from '../../shared/contract.js';
import { analyze } from '../../shared/guidance/analyze.js';
import { buildGuidance } from '../../shared/guidance/library.js';
import { arrivalState } from '../../shared/workOrder.js';
import type { GuidanceLocale } from '../../shared/guidance/analyze.js';
import { call, onDesk } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useNav } from '../app/navStore.js';
import { useSession } from '../app/sessionStore.js';
import { useSettings } from '../app/settingsStore.js';
import { deskNow } from '../app/deskClock.js';
import { useLibrary } from '../guidance/libraryStore.js';
import { formatWindow } from './fieldFormat.js';

const TEMPERATURE_COLOURS = ['green', 'gold', 'orange', 'red'] as const;
export const WORK_ORDER_COLOURS = { booked: 'blue', en_route: 'cyan', on_site: 'purple', completed: 'green', cancelled: 'default' } as const;
export const ARRIVAL_COLOURS = { ok: 'default', due_soon: 'orange', overdue: 'red' } as const;

/** 我的工单: the day's visits by appointment, each with what to know before ringing the bell. */
export function JobsPage() {
  const { t, i18n } = useTranslation();
  const go = useNav((s) => s.go);
  const staff = useSession((s) => s.staff);
  const timeZone = useSettings((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const supervising = staff?.role === 'supervisor' || staff?.role === 'manager';
  const [scope, setScope] = useState<'mine' | 'all'>(supervising ? 'all' : 'mine');
  const [items, setItems] = useState<JobItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    call('field.jobs', { scope })
      .then((r) => {
        setItems(r.items);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(t, e)));
  }, [scope, t]);

  useEffect(() => {
    load();
    const offSync = onDesk('sync.done', ({ received }) => received > 0 && load());
    const offCase = onDesk('case.changed', () => load());
    return () => {
      offSync();
      offCase();
    };
  }, [load]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('field.jobsTitle')}
        </Typography.Title>
        {supervising && (
          <Segmented
            size="large"
            value={scope}
            onChange={(v) => setScope(v as 'mine' | 'all')}
            options={[
              { value: 'all', label: t('field.scopeAll') },
              { value: 'mine', label: t('field.scopeMine') },
            ]}
          />
        )}
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      {!items && !error && <Spin tip={t('common.loading')} />}
      {items && items.length === 0 && <Empty description={t(scope === 'mine' ? 'field.noJobsMine' : 'field.noJobsAll')} />}
      {items?.map((job) => <JobCard key={job.workOrder.id} job={job} locale={i18n.language} timeZone={timeZone} onOpen={() => go({ name: 'workOrder', caseId: job.caseId, workOrderId: job.workOrder.id })} showTechnician={scope === 'all'} />)}
    </Space>
  );
}

function JobCard({ job, locale, timeZone, onOpen, showTechnician }: { job: JobItem; locale: string; timeZone: string; onOpen: () => void; showTechnician: boolean }) {
  const { t } = useTranslation();
  const library = useLibrary((s) => s.library);
  const o = job.workOrder;
  // Calm first at the door too: how the customer sounded, and the line to open with.
  const { temperature, opening } = useMemo(() => {
    const analysis = analyze(job.description, undefined, library.lexicon);
    const guidance = buildGuidance(analysis, locale as GuidanceLocale, { customerName: job.customerName, caseNumber: job.caseNumber }, library);
    return { temperature: analysis.temperature, opening: guidance.steps.find((s) => s.step === 'calm')?.say[0] ?? null };
  }, [job.description, job.customerName, job.caseNumber, locale, library]);
  const arrival = arrivalState(o, deskNow());
  return (
    <Card
      hoverable
      data-testid="job-card"
      onClick={onOpen}
      onKeyDown={(e) => e.key === 'Enter' && onOpen()}
      tabIndex={0}
      title={
        <Space wrap size="middle">
          <Typography.Text strong style={{ fontSize: 18 }}>
            {formatWindow(o.windowStartMs, o.windowEndMs, locale, timeZone)}
          </Typography.Text>
          <Tag color={WORK_ORDER_COLOURS[o.status]}>{t(`field.status.${o.status}`)}</Tag>
          {arrival && arrival !== 'ok' && <Tag color={ARRIVAL_COLOURS[arrival]}>{t(`field.arrival.${arrival}`)}</Tag>}
          {o.previousId && <Tag>{t('field.secondVisit')}</Tag>}
        </Space>
      }
      extra={<Typography.Text type="secondary">{job.caseNumber}</Typography.Text>}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap size="large">
          <Typography.Text strong style={{ fontSize: 16 }}>
            {job.customerName}
          </Typography.Text>
          <Typography.Text copyable>{o.phone}</Typography.Text>
          <Tag color={TEMPERATURE_COLOURS[temperature]}>{t('field.temperature', { level: t(`guidance.level.${temperature}`) })}</Tag>
          {job.history.cases > 0 && <Tag color={job.history.unhappy ? 'red' : 'default'}>{t('field.history', { count: job.history.cases, unhappy: job.history.unhappy })}</Tag>}
          {showTechnician && <Typography.Text type="secondary">{t('field.technicianIs', { name: job.technicianName })}</Typography.Text>}
        </Space>
        <Typography.Text>{t('common.labelled', { label: t('field.address') })}{o.address}</Typography.Text>
        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3 }}>
          <Typography.Text type="secondary">{t('field.inTheirWords')}</Typography.Text>
          {job.description}
        </Typography.Paragraph>
        {o.checkList && <Typography.Text type="secondary">{t('common.labelled', { label: t('field.checkList') })}{o.checkList}</Typography.Text>}
        {opening && (
          <Alert type="success" showIcon message={t('field.openWith')} description={opening} data-testid="job-opening" />
        )}
        <Button type="primary" size="large" onClick={onOpen}>
          {t('field.open')}
        </Button>
      </Space>
    </Card>
  );
}
