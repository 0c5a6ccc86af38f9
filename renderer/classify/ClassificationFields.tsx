import { useTranslation } from 'react-i18next';
import { Form, Radio, Switch, Typography } from 'antd';
import { CAUSES, COMMUNICATION_KINDS, CONTENTS, MOTIVES, NATURES, SEVERITIES, type Classification } from '../../shared/classification.js';
import type { Signal } from '../../shared/guidance/analyze.js';

/** What the fields hold, as the contract wants it: a communication kind only for a communication complaint. */
export function classificationOf(values: Record<string, unknown>): Classification {
  const c = values as Classification;
  return { ...c, communicationKind: c.nature === 'communication' ? c.communicationKind : null };
}

/**
 * The classification of a case as form fields, under `prefix` in the surrounding antd Form: used
 * at intake (prefilled from the guidance) and in the classify dialog on the case.
 */
export function ClassificationFields({ prefix = [], majorBecause = [] }: { prefix?: string[]; majorBecause?: readonly Signal[] }) {
  const { t } = useTranslation();
  const name = (field: string) => [...prefix, field];
  const nature = Form.useWatch(name('nature')) as string | undefined;
  const choice = (field: string, options: readonly (string | number)[], optionKey: string, required = true) => (
    <Form.Item
      name={name(field)}
      label={t(`actionField.${field}`)}
      rules={required ? [{ required: true, message: t('actionField.required', { field: t(`actionField.${field}`) }) }] : []}
      style={{ marginBottom: 12 }}
    >
      <Radio.Group optionType="button" size="small" options={options.map((o) => ({ value: o, label: t(`${optionKey}.${o}`) }))} />
    </Form.Item>
  );
  return (
    <>
      {choice('severity', SEVERITIES, 'severity')}
      <Form.Item label={t('actionField.major')} style={{ marginBottom: 12 }}>
        <Form.Item name={name('major')} valuePropName="checked" noStyle>
          <Switch />
        </Form.Item>
        {majorBecause.length > 0 && (
          <Typography.Text type="danger" style={{ marginLeft: 12 }} data-testid="major-because">
            {t('classify.majorBecause', {
              reasons: majorBecause.map((s) => t('guidance.signalWords', { signal: t(`guidance.signal.${s.kind}`), words: s.words.join(t('common.listSeparator')) })).join(t('common.listSeparator')),
            })}
          </Typography.Text>
        )}
      </Form.Item>
      {choice('nature', NATURES, 'nature')}
      {nature === 'communication' && choice('communicationKind', COMMUNICATION_KINDS, 'communicationKind')}
      {choice('content', CONTENTS, 'content')}
      {choice('cause', CAUSES, 'cause')}
      {choice('motive', MOTIVES, 'motive')}
    </>
  );
}
