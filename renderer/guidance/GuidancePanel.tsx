import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Collapse, Input, Space, Tag, Typography } from 'antd';
import type { GuidanceLocale } from '../../shared/guidance/analyze.js';
import { useAnalysis } from './useAnalysis.js';
import { buildGuidance, searchAnswers, SOLVE_STEPS, type Library, type Step } from '../../shared/guidance/library.js';
import type { Locale } from '../../shared/locale.js';

/** Calm colours for calm states; red only for furious or threatening (ux.md). */
const TEMPERATURE_COLOURS = ['#8fbfa8', '#6aa5a0', '#e0a84f', '#d4503c'];

interface Props {
  /** What the customer is saying, as the clerk types it. */
  text: string;
  customerName: string;
  caseNumber?: string;
  promiseTime: string;
  stepsDone: readonly Step[];
  onStepDone(step: Step, scriptVersion: number): void;
  library: Library;
}

/** The guidance panel: how hot it is, what to say now, the steps, and the standard answers. */
export function GuidancePanel({ text, customerName, caseNumber, promiseTime, stepsDone, onStepDone, library }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale as GuidanceLocale;
  // Reading the text is fast, but typing stays smooth even on a slow counter PC.
  const { analysis, text: deferred } = useAnalysis(text);
  const guidance = useMemo(
    () => buildGuidance(analysis, locale, { customerName, promiseTime, ...(caseNumber ? { caseNumber } : {}) }, library),
    [analysis, locale, customerName, promiseTime, caseNumber, library],
  );
  const [query, setQuery] = useState('');
  const answers = useMemo(() => searchAnswers(query || deferred, locale, analysis.content, library), [query, deferred, locale, analysis.content, library]);

  const calmed = stepsDone.includes('calm');
  const locked = (step: Step) => !calmed && SOLVE_STEPS.includes(step);
  const current = guidance.steps.find((s) => !stepsDone.includes(s.step) && !locked(s.step)) ?? guidance.steps[guidance.steps.length - 1]!;
  const hasWords = deferred.trim().length > 0;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="guidance-panel">
      {guidance.banners.map((banner) => (
        <Alert key={banner.kind} type={['media', 'legal', 'regulator', 'threat', 'safety'].includes(banner.kind) ? 'error' : 'warning'} showIcon message={banner.text} data-testid={`banner-${banner.kind}`} />
      ))}
      <Card size="small" title={t('guidance.sayNow')}>
        <Typography.Paragraph className="say-now" data-testid="say-now" style={{ marginBottom: 8 }}>
          {current.say[0]}
        </Typography.Paragraph>
        <Space wrap>
          <Typography.Text type="secondary">{t('guidance.temperature')}</Typography.Text>
          <Space size={2} data-testid="temperature" data-level={analysis.temperature}>
            {[0, 1, 2, 3].map((level) => (
              <span
                key={level}
                style={{ display: 'inline-block', width: 28, height: 10, borderRadius: 3, background: level <= analysis.temperature ? TEMPERATURE_COLOURS[analysis.temperature] : '#eee' }}
              />
            ))}
          </Space>
          <Typography.Text strong>{t(`guidance.level.${analysis.temperature}`)}</Typography.Text>
          {analysis.temperature > 0 && analysis.triggers.length > 0 && (
            <Typography.Text type="secondary" data-testid="heat-words">
              {t('guidance.heatWords', { words: analysis.triggers.slice(0, 4).join(t('common.listSeparator')) })}
            </Typography.Text>
          )}
        </Space>
        {hasWords && (
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('guidance.needs', { need: t(`guidance.need.${analysis.needs[0]}`) })}</Typography.Text>
            {analysis.content !== 'other' && <Tag style={{ marginLeft: 8 }}>{t(`guidance.content.${analysis.content}`)}</Tag>}
            {analysis.motive !== 'unknown' && <Tag>{t(`motive.${analysis.motive}`)}</Tag>}
          </div>
        )}
        {analysis.signals.length > 0 && (
          <div style={{ marginTop: 8 }} data-testid="signals">
            {analysis.signals.map((s) => (
              <Tag key={s.kind} color={s.kind === 'repeat' || s.kind === 'compensation' ? 'gold' : 'volcano'}>
                {t('guidance.signalWords', { signal: t(`guidance.signal.${s.kind}`), words: s.words.join(t('common.listSeparator')) })}
              </Tag>
            ))}
          </div>
        )}
      </Card>
      <Card size="small" title={t('guidance.steps')}>
        <Collapse
          size="small"
          defaultActiveKey={[current.step]}
          activeKey={[current.step]}
          items={guidance.steps.map((s) => ({
            key: s.step,
            label: (
              <Space>
                <span>{t(`guidance.step.${s.step}`)}</span>
                {stepsDone.includes(s.step) && <Tag color="green">{t('guidance.done')}</Tag>}
                {locked(s.step) && <Tag data-testid={`locked-${s.step}`}>{t('guidance.locked')}</Tag>}
              </Space>
            ),
            collapsible: locked(s.step) ? 'disabled' : undefined,
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {s.say.map((line) => (
                  <Typography.Paragraph key={line} style={{ margin: 0 }}>
                    “{line}”
                  </Typography.Paragraph>
                ))}
                {s.avoid.map((a) => (
                  <Typography.Text key={a.say} type="secondary">
                    {t('guidance.avoid', { say: a.say, better: a.better })}
                  </Typography.Text>
                ))}
                {!stepsDone.includes(s.step) && (
                  <Button size="small" type={s.step === 'calm' ? 'primary' : 'default'} onClick={() => onStepDone(s.step, guidance.scriptVersion)} data-testid={`done-${s.step}`}>
                    {s.step === 'calm' ? t('guidance.calmDone') : t('guidance.stepDone')}
                  </Button>
                )}
              </Space>
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t('guidance.answers')}>
        <Input.Search allowClear placeholder={t('guidance.searchAnswers')} value={query} onChange={(e) => setQuery(e.target.value)} style={{ marginBottom: 8 }} />
        {answers.length === 0 ? (
          <Typography.Text type="secondary">{t('guidance.noAnswers')}</Typography.Text>
        ) : (
          <Collapse
            size="small"
            items={answers.map((a) => ({
              key: a.id,
              label: t('guidance.answerTitle', { title: a.title[locale], version: a.version }),
              children: <Typography.Paragraph style={{ margin: 0 }}>{a.body[locale]}</Typography.Paragraph>,
            }))}
          />
        )}
      </Card>
    </Space>
  );
}
