import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Alert, App, Button, Drawer, Input, Space, Typography } from 'antd';
import type { ResponseOf } from '../../shared/contract.js';
import { call } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useSession } from '../app/sessionStore.js';
import { useSettings } from '../app/settingsStore.js';
import { formatDateTime } from '../app/formatTime.js';
import { printSection } from '../app/print.js';
import { download } from './CaseExport.js';
import { contentLabel, STEP_PARTS } from './reportWords.js';


type Monthly = ResponseOf<'reports.monthly'>;

/** The analysis in the shape seeds 001 and 003 describe, on screen and on paper alike. */
function ReportBody({ data, actions }: { data: Monthly['draft']; actions: string }) {
  const { t } = useTranslation();
  const f = data.figures;
  const change = f.total - data.previousTotal;
  const top = (counts: Array<{ key: string; count: number }>, prefix: string) =>
    counts.map((c) => t('monthly.item', { name: c.key === 'none' ? t('reports.unclassified') : t(`${prefix}.${c.key}`), count: c.count })).join(t('common.listSeparator'));
  return (
    <div className="monthly-report-body">
      <h2>{t('monthly.heading', { month: data.month, branch: data.branch ?? t('reports.allBranches') })}</h2>
      <h3>{t('monthly.s1')}</h3>
      <p>{t('monthly.totals', { total: f.total, previous: data.previousTotal, change: `${change >= 0 ? '+' : ''}${change}`, major: f.major })}</p>
      <h3>{t('monthly.s2')}</h3>
      <p>{f.byContent.length ? top(f.byContent, 'content') : t('monthly.none')}</p>
      <p>{f.byCause.length ? f.byCause.map((c) => t('monthly.cause', { content: t(`content.${c.content}`), cause: t(`cause.${c.cause}`), count: c.count })).join(t('common.listSeparator')) : ''}</p>
      <h3>{t('monthly.s3')}</h3>
      <p>
        {t('monthly.sla', {
          closed: f.closed,
          open: f.open,
          overdue: f.overdue,
          average: f.handlingHours.average === null ? '—' : f.handlingHours.average.toFixed(1),
          p90: f.handlingHours.p90 === null ? '—' : f.handlingHours.p90.toFixed(1),
        })}
      </p>
      <h3>{t('monthly.s4')}</h3>
      {data.majors.length === 0 ? (
        <p>{t('monthly.noMajor')}</p>
      ) : (
        <ul>
          {data.majors.map((m) => (
            <li key={m.caseNumber}>
              <span style={{ whiteSpace: 'nowrap' }}>{t('common.withNote', { main: m.caseNumber, note: t(`status.${m.status}`) })}</span> {m.handling}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('monthly.s5')}</h3>
      <p>{t('monthly.repeats', { repeats: f.repeats, rate: f.total ? ((f.repeats / f.total) * 100).toFixed(1) : '0.0' })}</p>
      <h3>{t('monthly.s6')}</h3>
      <p>{f.satisfaction.length ? `${top(f.satisfaction, 'satisfaction')}${t('common.sentenceBreak')}${t('monthly.unreachable', { count: f.unreachable })}` : t('monthly.none')}</p>
      <h3>{t('monthly.s7')}</h3>
      <p style={{ whiteSpace: 'pre-wrap' }}>{actions || t('monthly.noActions')}</p>
    </div>
  );
}

/** The analysis as tables, one sheet per section, in the words the screen uses. */
function monthlySheets(t: TFunction, data: Monthly['draft'], actions: string) {
  const f = data.figures;
  const hours = (v: number | null) => (v === null ? '' : Number(v.toFixed(1)));
  // A sheet's name holds 31 characters at most (Excel's limit).
  const sheet = (section: string, rows: Array<Array<string | number>>) => ({ name: t(`monthly.${section}`).slice(0, 31), rows });
  return [
    sheet('s1', [
      [t('reports.item'), t('reports.count')],
      [t('reports.total'), f.total],
      [t('monthly.previous'), data.previousTotal],
      [t('major.major'), f.major],
    ]),
    sheet('s2', [
      [t('actionField.content'), t('actionField.cause'), t('reports.count')],
      ...f.byContent.map((c) => [contentLabel(t, c.key), '', c.count]),
      ...f.byCause.map((c) => [t(`content.${c.content}`), t(`cause.${c.cause}`), c.count]),
    ]),
    sheet('s3', [
      [t('reports.item'), ...STEP_PARTS.map((p) => t(`reports.stepPart.${p.key}`))],
      ...f.steps.map((r) => [t(`sla.step.${r.step}`), ...STEP_PARTS.map((p) => r[p.key])]),
      [],
      [t('reports.closed'), f.closed],
      [t('reports.overdue'), f.overdue],
      [t('monthly.averageHours'), hours(f.handlingHours.average)],
      [t('monthly.p90Hours'), hours(f.handlingHours.p90)],
    ]),
    sheet('s4', [[t('reports.column.caseNumber'), t('reports.column.status'), t('monthly.handling')], ...data.majors.map((m) => [m.caseNumber, t(`status.${m.status}`), m.handling])]),
    sheet('s5', [
      [t('reports.item'), t('reports.count')],
      [t('reports.total'), f.total],
      [t('monthly.repeatCases'), f.repeats],
    ]),
    sheet('s6', [
      [t('reports.item'), t('reports.count')],
      ...f.satisfaction.map((c) => [t(`satisfaction.${c.key}`), c.count]),
      [t('reports.unreachable'), f.unreachable],
    ]),
    sheet('s7', [[t('monthly.s7')], [actions || t('monthly.noActions')]]),
  ];
}

/** 月度投诉分析报告: generated from the month's cases; the manager adds the actions, saves a version, prints. */
export function MonthlyReport({ month, branch, onClose }: { month: string; branch: string | undefined; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const isManager = useSession((s) => s.staff?.role === 'manager');
  const timeZone = useSettings((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [data, setData] = useState<Monthly | null>(null);
  const [actions, setActions] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [exporting, setExporting] = useState(false);

  const load = () =>
    call('reports.monthly', { month, ...(branch ? { branch } : {}) })
      .then((d) => {
        setData(d);
        setActions(d.saved?.actions ?? '');
      })
      .catch((e: unknown) => setError(errorText(t, e)));
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [month, branch]);

  const save = async () => {
    setSaving(true);
    try {
      const { version } = await call('reports.monthlySave', { month, ...(branch ? { branch } : {}), actions });
      void message.success(t('monthly.saved', { version }));
      await load();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  const exportWorkbook = async () => {
    if (!data) return;
    setExporting(true);
    try {
      const file = await call('reports.monthlyExport', { month, ...(branch ? { branch } : {}), sheets: monthlySheets(t, data.draft, actions) });
      download(file, 'xlsx');
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Drawer
      open
      width={860}
      title={t('monthly.title')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={() => printSection('report')}>{t('monthly.print')}</Button>
          <Button onClick={() => void exportWorkbook()} loading={exporting} disabled={!data} data-testid="monthly-excel">
            {exporting ? t('reports.exporting') : t('reports.export.xlsx')}
          </Button>
          {isManager && (
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid="monthly-save">
              {t('monthly.save')}
            </Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {data && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="monthly-report">
          {data.saved && (
            <Typography.Text type="secondary" data-testid="monthly-version">
              {t('monthly.version', { version: data.saved.version, name: data.saved.savedByName, time: formatDateTime(new Date(data.saved.savedAt).toISOString(), i18n.language, timeZone, 'short') })}
            </Typography.Text>
          )}
          <ReportBody data={data.draft} actions={actions} />
          <Typography.Text strong>{t('monthly.s7')}</Typography.Text>
          <Input.TextArea
            rows={6}
            value={actions}
            onChange={(e) => setActions(e.target.value)}
            readOnly={!isManager}
            placeholder={t('monthly.actionsPlaceholder')}
            aria-label={t('monthly.s7')}
            count={{ show: true, max: 8_000 }}
          />
          {createPortal(
            <div className="print-report">
              <ReportBody data={data.draft} actions={actions} />
            </div>,
            document.body,
          )}
        </Space>
      )}
    </Drawer>
  );
}
