import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ResponseOf } from '../../shared/contract.js';
import { SLA_STEPS, type Limit, type Policy, type SlaStep } from '../../shared/sla/policy.js';
import { SEVERITIES } from '../../shared/classification.js';
import { call } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useSettings } from '../app/settingsStore.js';
import { deskNow } from '../app/deskClock.js';
import { localDateKey } from '../../shared/caseNumber.js';
import { timeZoneName } from '../app/formatTime.js';

type SlaData = ResponseOf<'sla.get'>;
const UNITS: Limit['unit'][] = ['working_hours', 'working_days', 'hours'];
const ANY = '*';

/** One override as a form row: one step's limit for a branch, severity and/or major ('*' = any). */
interface OverrideRow {
  branch: string;
  severity: string;
  major: string;
  step: SlaStep;
  limit: Limit;
}

function toRows(overrides: Policy['overrides']): OverrideRow[] {
  return overrides.flatMap((o) =>
    (Object.entries(o.limits) as Array<[SlaStep, Limit]>).map(([step, limit]) => ({
      branch: o.branch ?? ANY,
      severity: o.severity === undefined ? ANY : String(o.severity),
      major: o.major === undefined ? ANY : o.major ? 'yes' : 'no',
      step,
      limit,
    })),
  );
}

function fromRows(rows: OverrideRow[]): Policy['overrides'] {
  return rows.map((r) => ({
    ...(r.branch !== ANY ? { branch: r.branch } : {}),
    ...(r.severity !== ANY ? { severity: Number(r.severity) as 1 | 2 | 3 } : {}),
    ...(r.major !== ANY ? { major: r.major === 'yes' } : {}),
    limits: { [r.step]: r.limit },
  }));
}
const toHHMM = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const fromHHMM = (text: string) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

const isRealDate = (date: string) => {
  const parsed = new Date(`${date}T12:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
};

/** Parses "2027-01-01 休" / "2027-02-06 班" (or "holiday" / "workday") lines into a calendar year. */
export function parseCalendarLines(year: number, text: string): { holidays: string[]; workdays: string[]; bad: string[] } {
  const holidays: string[] = [];
  const workdays: string[] = [];
  const bad: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = /^(\d{4}-\d{2}-\d{2})\s+(休|假|holiday|off|班|workday|work)$/i.exec(line);
    if (!m || !m[1]!.startsWith(`${year}-`) || !isRealDate(m[1]!)) bad.push(line);
    else if (/^(班|workday|work)$/i.test(m[2]!)) workdays.push(m[1]!);
    else holidays.push(m[1]!);
  }
  return { holidays, workdays, bad };
}

/** A manager's view of deadlines: the limits per step, branch opening hours, and next year's calendar. */
export function SlaSettings() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [data, setData] = useState<SlaData | null>(null);
  const [limits, setLimits] = useState<Policy['limits'] | null>(null);
  const [overrides, setOverrides] = useState<OverrideRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const timeZone = useSettings((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [year, setYear] = useState<number>(() => Number(localDateKey(deskNow(), timeZone).slice(0, 4)) + 1);
  const [lines, setLines] = useState('');
  const [hours, setHours] = useState({ opens: '', closes: '' });

  const load = () =>
    call('sla.get', {})
      .then((d) => {
        setData(d);
        setLimits(d.policy.limits);
        setOverrides(toRows(d.policy.overrides));
        setHours({ opens: toHHMM(d.hours.opensAt), closes: toHHMM(d.hours.closesAt) });
      })
      .catch((e: unknown) => setError(errorText(t, e)));
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const guard = async (work: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await work();
      void message.success(done);
      await load();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  if (!data || !limits) return null;
  const setLimit = (step: SlaStep, change: Partial<Limit>) => setLimits({ ...limits, [step]: { ...limits[step], ...change } });
  const parsed = parseCalendarLines(year, lines);

  return (
    <Card title={t('sla.settings.title')}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Typography.Paragraph type="secondary">{t('sla.settings.policyHint', { version: data.policy.version })}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="step"
        dataSource={SLA_STEPS.map((step) => ({ step }))}
        columns={[
          { title: t('sla.settings.step'), dataIndex: 'step', render: (step: SlaStep) => t(`sla.step.${step}`) },
          {
            title: t('sla.settings.limit'),
            key: 'limit',
            render: (_: unknown, { step }: { step: SlaStep }) => (
              <Space>
                <InputNumber min={0.5} max={1000} step={0.5} value={limits[step].amount} onChange={(v) => v && setLimit(step, { amount: v })} aria-label={t(`sla.step.${step}`)} />
                <Select style={{ width: 130 }} value={limits[step].unit} onChange={(unit) => setLimit(step, { unit })} options={UNITS.map((u) => ({ value: u, label: t(`sla.unit.${u}`) }))} />
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('sla.settings.overrides')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('sla.settings.overridesHint')}</Typography.Paragraph>
      {overrides.map((row, i) => {
        const update = (change: Partial<OverrideRow>) => setOverrides(overrides.map((r, j) => (j === i ? { ...r, ...change } : r)));
        return (
          <Space key={i} wrap style={{ marginBottom: 8 }} data-testid="override-row">
            <Select style={{ width: 120 }} value={row.branch} onChange={(branch) => update({ branch })} options={[{ value: ANY, label: t('sla.settings.anyBranch') }, { value: data.branch, label: data.branch }]} />
            <Select style={{ width: 120 }} value={row.severity} onChange={(severity) => update({ severity })} options={[{ value: ANY, label: t('sla.settings.anySeverity') }, ...SEVERITIES.map((s) => ({ value: String(s), label: t(`severity.${s}`) }))]} />
            <Select style={{ width: 110 }} value={row.major} onChange={(major) => update({ major })} options={[{ value: ANY, label: t('sla.settings.anyMajor') }, { value: 'yes', label: t('major.major') }, { value: 'no', label: t('major.general') }]} />
            <Select style={{ width: 180 }} value={row.step} onChange={(step) => update({ step })} options={SLA_STEPS.map((s) => ({ value: s, label: t(`sla.step.${s}`) }))} />
            <InputNumber min={0.5} max={1000} step={0.5} value={row.limit.amount} onChange={(v) => v && update({ limit: { ...row.limit, amount: v } })} />
            <Select style={{ width: 120 }} value={row.limit.unit} onChange={(unit) => update({ limit: { ...row.limit, unit } })} options={UNITS.map((u) => ({ value: u, label: t(`sla.unit.${u}`) }))} />
            <Button danger onClick={() => setOverrides(overrides.filter((_, j) => j !== i))}>
              {t('sla.settings.remove')}
            </Button>
          </Space>
        );
      })}
      <div>
        <Button onClick={() => setOverrides([...overrides, { branch: ANY, severity: ANY, major: 'yes', step: 'approve', limit: { amount: 1, unit: 'working_days' } }])}>
          {t('sla.settings.addOverride')}
        </Button>
      </div>
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        onClick={() => {
          const { version: _v, ...policy } = data.policy;
          void guard(() => call('sla.publishPolicy', { policy: { ...policy, limits, overrides: fromRows(overrides) } }), t('sla.settings.published'));
        }}
      >
        {t('sla.settings.publishPolicy')}
      </Button>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('sla.settings.hours', { branch: data.branch })}
      </Typography.Title>
      <Space>
        <Input style={{ width: 100 }} value={hours.opens} onChange={(e) => setHours({ ...hours, opens: e.target.value })} aria-label={t('sla.settings.opens')} />
        –
        <Input style={{ width: 100 }} value={hours.closes} onChange={(e) => setHours({ ...hours, closes: e.target.value })} aria-label={t('sla.settings.closes')} />
        <Typography.Text type="secondary" title={data.hours.timeZone}>
          {timeZoneName(data.hours.timeZone, i18n.language)}
        </Typography.Text>
        <Button onClick={() => void guard(() => call('sla.setHours', { hours: { timeZone: data.hours.timeZone, opensAt: fromHHMM(hours.opens), closesAt: fromHHMM(hours.closes) } }), t('sla.settings.published'))}>
          {t('common.save')}
        </Button>
      </Space>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('sla.settings.calendar')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 8 }}>
        {data.years.map((y) => (
          <Tag key={y.year} title={y.source}>
            {t('common.labelled', { label: y.year })}
            {t('sla.settings.yearSummary', { holidays: y.holidays.length, workdays: y.workdays.length })}
          </Tag>
        ))}
      </Space>
      <Form layout="vertical">
        <Form.Item label={t('sla.settings.year')}>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} aria-label={t('sla.settings.year')} />
        </Form.Item>
        <Form.Item label={t('sla.settings.lines')} extra={t('sla.settings.linesHint')} validateStatus={parsed.bad.length ? 'error' : ''} help={parsed.bad.length ? t('sla.settings.badLines', { lines: parsed.bad.join(t('common.listSeparator')) }) : undefined}>
          <Input.TextArea rows={6} value={lines} onChange={(e) => setLines(e.target.value)} placeholder={'2027-01-01 休\n2027-02-06 班'} />
        </Form.Item>
        <Button
          disabled={parsed.bad.length > 0 || parsed.holidays.length + parsed.workdays.length === 0}
          onClick={() =>
            void guard(
              () => call('sla.publishCalendarYear', { year: { year, holidays: parsed.holidays, workdays: parsed.workdays, source: t('sla.settings.manualSource') } }),
              t('sla.settings.published'),
            ).then(() => setLines(''))
          }
        >
          {t('sla.settings.publishYear', { year })}
        </Button>
      </Form>
    </Card>
  );
}
