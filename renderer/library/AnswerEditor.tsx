import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { GUIDANCE_CONTENTS } from '../../shared/guidance/lexicons.js';
import type { StandardAnswer } from '../../shared/guidance/library.js';
import { LOCALES } from '../../shared/locale.js';
import { call } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useLibrary } from '../guidance/libraryStore.js';
import { ChangeList } from './ChangeList.js';
import { newId } from '../../shared/ids.js';

type Values = Record<string, string> & { topic: StandardAnswer['topic'] };

function toValues(answer: StandardAnswer | null): Values {
  const values: Record<string, string> = { topic: answer?.topic ?? 'other', zhKeywords: answer?.keywords.zh.join('，') ?? '', enKeywords: answer?.keywords.en.join(', ') ?? '' };
  for (const l of LOCALES) {
    values[`title.${l}`] = answer?.title[l] ?? '';
    values[`body.${l}`] = answer?.body[l] ?? '';
  }
  return values as Values;
}

const split = (text: string) => text.split(/[,，、;；]/).map((s) => s.trim()).filter(Boolean);

/** Edit one standard answer, see exactly what changes, publish it as the next version. */
export function AnswerEditor({ answer, onClose }: { answer: StandardAnswer | null; onClose(): void }) {
  const { t } = useTranslation();
  const setLibrary = useLibrary((s) => s.set);
  const [form] = Form.useForm<Values>();
  const initial = toValues(answer);
  const values = (Form.useWatch([], form) as Values | undefined) ?? initial;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const changes = Object.keys(initial)
    .filter((key) => (values[key] ?? '') !== initial[key])
    .map((key) => ({ label: t(`library.field.${key.split('.')[0]}`) + (key.includes('.') ? ` (${key.split('.')[1]})` : ''), before: initial[key] ?? '', after: values[key] ?? '' }));

  const publish = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const library = await call('library.publishAnswer', {
        answer: {
          id: answer?.id ?? `answer-${newId()}`,
          topic: v.topic,
          keywords: { zh: split(v.zhKeywords ?? ''), en: split(v.enKeywords ?? '') },
          title: { 'zh-CN': v['title.zh-CN']!, 'zh-TW': v['title.zh-TW']!, en: v['title.en']! },
          body: { 'zh-CN': v['body.zh-CN']!, 'zh-TW': v['body.zh-TW']!, en: v['body.en']! },
        },
      });
      setLibrary(library);
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('library.required') }];
  return (
    <Modal open width={760} title={answer ? t('library.editAnswer', { version: answer.version + 1 }) : t('library.newAnswer')} okText={t('library.publish')} cancelText={t('common.cancel')} okButtonProps={{ disabled: !changes.length }} confirmLoading={busy} onOk={() => void publish().catch(() => undefined)} onCancel={onClose}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="topic" label={t('library.field.topic')}>
          <Select options={GUIDANCE_CONTENTS.map((c) => ({ value: c, label: t(`guidance.content.${c}`) }))} />
        </Form.Item>
        {LOCALES.map((l) => (
          <div key={l}>
            <Form.Item name={`title.${l}`} label={`${t('library.field.title')} (${l})`} rules={required}>
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item name={`body.${l}`} label={`${t('library.field.body')} (${l})`} rules={required}>
              <Input.TextArea rows={3} maxLength={4_000} />
            </Form.Item>
          </div>
        ))}
        <Form.Item name="zhKeywords" label={t('library.field.zhKeywords')}>
          <Input />
        </Form.Item>
        <Form.Item name="enKeywords" label={t('library.field.enKeywords')}>
          <Input />
        </Form.Item>
      </Form>
      <ChangeList changes={changes} />
    </Modal>
  );
}
