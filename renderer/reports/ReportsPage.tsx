import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { Alert, Button, Card, Col, DatePicker, Drawer, Empty, List, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { REPORT_DIMENSIONS, type CaseSummary, type ResponseOf } from '../../shared/contract.js';
import { localDateKey } from '../../shared/caseNumber.js';
import { call } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useNav } from '../app/navStore.js';
import { useSession } from '../app/sessionStore.js';
import { useSettings } from '../app/settingsStore.js';
import { deskNow } from '../app/deskClock.js';
import { CaseTags } from '../case/CaseTags.js';
import { Chart, type Series } from './Chart.js';
import { MonthlyReport } from './MonthlyReport.js';
import { CaseExportButtons } from './CaseExport.js';
import { contentLabel, STEP_PARTS } from './reportWords.js';

type Figures = ResponseOf<'reports.get'>;

/** Distinct, print-safe colours for content categories stacked in one bar. */
const CONTENT_COLOURS = ['#2f7d6d', '#d4a72c', '#5b7db1', '#c0392b', '#8e6bb5', '#7f8c8d', '#e67e22', '#16a085'];
const average = (value: number | null) => (value === null ? '—' : value.toFixed(1));
const percent = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '—');
type Dimension = (typeof REPORT_DIMENSIONS)[number];

/** A chart and, beside it, the same numbers in a table one can read aloud or copy. */
function Figure({ title, series, kind, onPick, testId }: { title: string; series: Series; kind?: 'bar' | 'line'; onPick(key: string): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid={testId}>
      {series.values.length === 0 ? (
        <Empty description={t('reports.emptyFigure')} />
      ) : (
        <Row gutter={16}>
          <Col span={15}>
            <Chart series={series} kind={kind} onPick={onPick} testId={`${testId}-chart`} />
          </Col>
          <Col span={9}>
            <Table
              size="small"
              pagination={false}
              scroll={{ y: 220 }}
              rowKey="key"
              data-testid={`${testId}-table`}
              dataSource={series.labels.map((label, i) => ({ key: series.keys[i]!, label, count: series.values[i]! }))}
              onRow={(row) => ({ onClick: () => onPick(row.key), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('reports.item'), dataIndex: 'label' },
                { title: t('reports.count'), dataIndex: 'count', align: 'right', width: 80 },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}

/**
 * 报表: a month of complaints for a branch (or all at HQ), each figure a chart with its table,
 * a click through to the cases, and the month's cases (or a figure's) as an Excel or CSV file.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const go = useNav((s) => s.go);
  const role = useSession((s) => s.staff?.role);
  const timeZone = useSettings((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [month, setMonth] = useState(() => localDateKey(deskNow(), timeZone).replace(/^(\d{4})(\d{2}).*/, '$1-$2'));
  const [branch, setBranch] = useState<string | undefined>(undefined);
  const [figures, setFigures] = useState<Figures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ title: string; dimension: Dimension; value: string; items: CaseSummary[] } | null>(null);
  const [monthly, setMonthly] = useState(false);
  const allowed = role === 'supervisor' || role === 'manager';

  useEffect(() => {
    if (!allowed) return;
    setFigures(null);
    call('reports.get', { month, ...(branch ? { branch } : {}) })
      .then((f) => {
        setFigures(f);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(t, e)));
  }, [month, branch, allowed, t]);

  const series = useMemo(() => {
    if (!figures) return null;
    const of = (counts: Figures['byContent'], label: (key: string) => string): Series => ({ labels: counts.map((c) => label(c.key)), values: counts.map((c) => c.count), keys: counts.map((c) => c.key) });
    return {
      day: {
        ...of(figures.byDay, (k) => k.slice(5)),
        // Each day's bar split by what the complaints were about.
        stacks: [...new Set(figures.byDayContent.map((r) => r.content))].map((content, i) => ({
          name: contentLabel(t, content),
          color: CONTENT_COLOURS[i % CONTENT_COLOURS.length]!,
          values: figures.byDay.map((d) => figures.byDayContent.find((r) => r.day === d.key && r.content === content)?.count ?? 0),
        })),
      } satisfies Series,
      content: of(figures.byContent, (k) => contentLabel(t, k)),
      severity: of(figures.bySeverity, (k) => (k === 'none' ? t('severity.none') : t(`severity.${k}`))),
      channel: of(figures.byChannel, (k) => t(`channel.${k}`)),
      satisfaction: of(figures.satisfaction, (k) => t(`satisfaction.${k}`)),
      trend: {
        labels: figures.satisfactionTrend.map((r) => r.month),
        keys: figures.satisfactionTrend.map((r) => r.month),
        values: figures.satisfactionTrend.map((r) => (r.average === null ? 0 : Number(r.average.toFixed(2)))),
      } satisfies Series,
      signals: of(figures.signals, (k) => t(`guidance.signal.${k}`)),
      steps: {
        labels: figures.steps.map((r) => t(`sla.step.${r.step}`)),
        keys: figures.steps.map((r) => r.step),
        values: figures.steps.map((r) => r.late + r.openOverdue),
        stacks: STEP_PARTS.map((part) => ({ name: t(`reports.stepPart.${part.key}`), color: part.color, values: figures.steps.map((r) => r[part.key]) })),
      } satisfies Series,
    };
  }, [figures, t]);

  const pick = (dimension: Dimension, title: string) => (value: string) =>
    void call('reports.cases', { month, ...(branch ? { branch } : {}), dimension, value })
      .then(({ items }) => setPicked({ title, dimension, value, items }))
      .catch((e: unknown) => setError(errorText(t, e)));

  if (!allowed) return <Alert type="info" showIcon message={t('reports.forManagers')} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('reports.title')}
        extra={
          <Space>
            <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d: Dayjs | null) => d && setMonth(d.format('YYYY-MM'))} aria-label={t('reports.month')} />
            {figures && figures.branches.length > 1 && (
              <Select
                allowClear
                style={{ width: 140 }}
                data-testid="report-branch"
                aria-label={t('reports.allBranches')}
                placeholder={t('reports.allBranches')}
                value={branch}
                onChange={setBranch}
                options={figures.branches.map((b) => ({ value: b, label: b }))}
              />
            )}
            <Button onClick={() => setMonthly(true)} disabled={!figures} data-testid="open-monthly">
              {t('monthly.title')}
            </Button>
            <CaseExportButtons disabled={!figures?.total} run={(options) => call('reports.export', { month, ...(branch ? { branch } : {}), ...options })} />
          </Space>
        }
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        {figures && (
          <Row gutter={16} data-testid="report-totals">
            <Col span={4}>
              <Statistic title={t('reports.total')} value={figures.total} />
            </Col>
            <Col span={4}>
              <Statistic title={t('major.major')} value={figures.major} />
            </Col>
            <Col span={4}>
              <Statistic
                title={t('reports.overdue')}
                value={figures.overdue}
                valueRender={(node) => (figures.overdue ? <Typography.Link data-testid="report-overdue" style={{ fontSize: 'inherit' }} onClick={() => pick('overdue', t('reports.overdue'))('1')}>{node}</Typography.Link> : node)}
              />
            </Col>
            <Col span={4}>
              <Statistic title={t('reports.repeatRate')} value={figures.total ? (figures.repeats / figures.total) * 100 : 0} precision={1} suffix="%" />
            </Col>
            <Col span={4}>
              <Statistic title={t('reports.handling')} value={figures.handlingHours.average ?? '—'} precision={1} suffix={figures.handlingHours.average === null ? '' : t('reports.hours')} />
            </Col>
            <Col span={4}>
              <Statistic title={t('reports.unreachable')} value={figures.unreachable} />
            </Col>
          </Row>
        )}
        {figures && figures.total === 0 && <Empty style={{ marginTop: 24 }} description={t('reports.emptyMonth')} />}
      </Card>
      {figures && series && figures.total > 0 && (
        <>
          <Figure title={t('reports.byDay')} series={series.day} kind="line" onPick={pick('day', t('reports.byDay'))} testId="figure-day" />
          <Figure title={t('reports.byContent')} series={series.content} onPick={pick('content', t('reports.byContent'))} testId="figure-content" />
          <Row gutter={16}>
            <Col span={12}>
              <Figure title={t('reports.bySeverity')} series={series.severity} onPick={pick('severity', t('reports.bySeverity'))} testId="figure-severity" />
            </Col>
            <Col span={12}>
              <Figure title={t('reports.byChannel')} series={series.channel} onPick={pick('channel', t('reports.byChannel'))} testId="figure-channel" />
            </Col>
          </Row>
          <Card size="small" title={t('reports.steps')} data-testid="figure-steps">
            <Row gutter={16}>
              <Col span={12}>
                <Chart series={series.steps} onPick={pick('late_step', t('reports.lateSteps'))} testId="figure-steps-chart" />
              </Col>
              <Col span={12}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="step"
                  data-testid="figure-steps-table"
                  dataSource={figures.steps}
                  onRow={(row) => ({ onClick: () => pick('late_step', t('reports.lateSteps'))(row.step), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: t('sla.settings.step'), dataIndex: 'step', render: (step: string) => t(`sla.step.${step}`) },
                    ...STEP_PARTS.map((part) => ({ title: t(`reports.stepPart.${part.key}`), dataIndex: part.key, align: 'right' as const })),
                    {
                      title: t('reports.onTimeRate'),
                      key: 'rate',
                      align: 'right' as const,
                      render: (_: unknown, r: Figures['steps'][number]) => percent(r.onTime, r.onTime + r.late + r.openOverdue),
                    },
                  ]}
                />
              </Col>
            </Row>
          </Card>
          <Row gutter={16}>
            <Col span={12}>
              <Figure title={t('reports.satisfaction')} series={series.satisfaction} onPick={pick('satisfaction', t('reports.satisfaction'))} testId="figure-satisfaction" />
            </Col>
            <Col span={12}>
              <Figure title={t('reports.signals')} series={series.signals} onPick={pick('signal', t('reports.signals'))} testId="figure-signals" />
            </Col>
          </Row>
          <Card size="small" title={t('reports.satisfactionTrend')} data-testid="figure-satisfaction-trend">
            {series.trend.values.every((v) => v === 0) ? (
              <Empty description={t('reports.emptyFigure')} />
            ) : (
              <Row gutter={16}>
                <Col span={9}>
                  <Chart series={series.trend} kind="line" testId="figure-satisfaction-trend-chart" />
                </Col>
                <Col span={8}>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="month"
                    dataSource={figures.satisfactionTrend}
                    columns={[
                      { title: t('reports.month'), dataIndex: 'month' },
                      { title: t('reports.rated'), dataIndex: 'rated', align: 'right' },
                      { title: t('reports.averageSatisfaction'), dataIndex: 'average', align: 'right', render: average },
                      {
                        title: t('reports.unreachableRate'),
                        key: 'unreachable',
                        align: 'right',
                        render: (_: unknown, r: Figures['satisfactionTrend'][number]) => percent(r.unreachable, r.rated + r.unreachable),
                      },
                    ]}
                  />
                </Col>
                <Col span={7}>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="key"
                    data-testid="satisfaction-by-content"
                    dataSource={figures.satisfactionByContent}
                    onRow={(row) => ({ onClick: () => pick('content', t('reports.byContent'))(row.key), style: { cursor: 'pointer' } })}
                    columns={[
                      { title: t('actionField.content'), dataIndex: 'key', render: (k: string) => contentLabel(t, k) },
                      { title: t('reports.rated'), dataIndex: 'rated', align: 'right' },
                      { title: t('reports.averageSatisfaction'), dataIndex: 'average', align: 'right', render: average },
                    ]}
                  />
                </Col>
              </Row>
            )}
          </Card>
          <Card size="small" title={t('reports.repeaters')} data-testid="figure-repeaters">
            {figures.repeaters.length === 0 ? (
              <Empty description={t('reports.noRepeaters')} />
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={figures.repeaters}
                onRow={(row) => ({ onClick: () => pick('customer', t('reports.repeaters'))(row.key), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('reports.column.customer'), dataIndex: 'name' },
                  { title: t('reports.column.phone'), dataIndex: 'phone' },
                  { title: t('reports.cases'), dataIndex: 'cases', align: 'right' },
                  { title: t('reports.repeatCases'), dataIndex: 'repeats', align: 'right' },
                ]}
              />
            )}
          </Card>
          {!branch && figures.byBranch.length > 1 && (
            <Card size="small" title={t('reports.byBranch')}>
              <Table
                size="small"
                pagination={false}
                rowKey="branch"
                data-testid="figure-branches"
                dataSource={figures.byBranch}
                onRow={(row) => ({ onClick: () => pick('branch', t('reports.byBranch'))(row.branch), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('reports.branch'), dataIndex: 'branch' },
                  { title: t('reports.total'), dataIndex: 'total', align: 'right' },
                  { title: t('reports.overdue'), dataIndex: 'overdue', align: 'right' },
                  { title: t('reports.repeatRate'), key: 'repeats', align: 'right', render: (_: unknown, r: Figures['byBranch'][number]) => percent(r.repeats, r.total) },
                  { title: t('reports.averageSatisfaction'), dataIndex: 'averageSatisfaction', align: 'right', render: average },
                ]}
              />
            </Card>
          )}
          <Row gutter={16}>
            <Col span={12}>
              <Card size="small" title={t('reports.byCause')}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey={(r) => `${r.content}-${r.cause}`}
                  dataSource={figures.byCause}
                  columns={[
                    { title: t('actionField.content'), dataIndex: 'content', render: (c: string) => t(`content.${c}`) },
                    { title: t('actionField.cause'), dataIndex: 'cause', render: (c: string) => t(`cause.${c}`) },
                    { title: t('reports.count'), dataIndex: 'count', align: 'right', width: 80 },
                  ]}
                />
              </Card>
            </Col>
            {role === 'manager' && (
              <Col span={12}>
                <Card size="small" title={t('reports.byOwner')}>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="ownerId"
                    dataSource={figures.byOwner}
                    onRow={(row) => ({ onClick: () => pick('owner', t('reports.byOwner'))(row.ownerId), style: { cursor: 'pointer' } })}
                    columns={[
                      { title: t('queue.columns.owner'), dataIndex: 'ownerId', render: (id: string) => figures.ownerNames[id] ?? id },
                      { title: t('reports.taken'), dataIndex: 'taken', align: 'right' },
                      { title: t('reports.owned'), dataIndex: 'owned', align: 'right' },
                      { title: t('reports.closed'), dataIndex: 'closed', align: 'right' },
                      { title: t('reports.closedOnTime'), key: 'onTime', align: 'right', render: (_: unknown, r: Figures['byOwner'][number]) => percent(r.closedOnTime, r.closed) },
                      { title: t('reports.averageSatisfaction'), dataIndex: 'averageSatisfaction', align: 'right', render: average },
                    ]}
                  />
                </Card>
              </Col>
            )}
          </Row>
        </>
      )}
      {monthly && <MonthlyReport month={month} branch={branch} onClose={() => setMonthly(false)} />}
      <Drawer
        open={picked !== null}
        width={560}
        title={picked?.title}
        onClose={() => setPicked(null)}
        destroyOnHidden
        extra={picked && <CaseExportButtons testId="picked-export" disabled={!picked.items.length} run={(options) => call('reports.export', { month, ...(branch ? { branch } : {}), dimension: picked.dimension, value: picked.value, ...options })} />}
      >
        <List
          data-testid="report-cases"
          dataSource={picked?.items ?? []}
          renderItem={(c) => (
            <List.Item onClick={() => go({ name: 'case', id: c.id })} style={{ cursor: 'pointer' }}>
              <Space wrap>
                <Typography.Text strong>{c.caseNumber}</Typography.Text>
                <Typography.Text>{c.customerName}</Typography.Text>
                <CaseTags summary={c} />
              </Space>
            </List.Item>
          )}
        />
      </Drawer>
    </Space>
  );
}
