import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Form, Input, Modal } from 'antd';
import { LOCALES, type Locale } from '../../shared/locale.js';
import { call } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useLibrary } from '../guidance/libraryStore.js';
import { ChangeList } from './ChangeList.js';

/** Reword one phrase of the script in all three languages and publish the scripts as the next version. */
export function PhraseEditor({ index, onClose }: { index: number; onClose(): void }) {
  const { t } = useTranslation();
  const { library, set } = useLibrary();
  const phrase = library.scripts.phrases[index]!;
  const [form] = Form.useForm<Record<Locale, string>>();
  const values = (Form.useWatch([], form) as Record<Locale, string> | undefined) ?? phrase.say;
  const [error, setError] = useState<string | null>(null);
  const changes = LOCALES.filter((l) => (values[l] ?? '') !== phrase.say[l]).map((l) => ({ label: l, before: phrase.say[l], after: values[l] ?? '' }));

  const publish = async () => {
    const say = await form.validateFields();
    try {
      const { version: _previous, ...scripts } = library.scripts;
      const phrases = scripts.phrases.map((p, i) => (i === index ? { ...p, say } : p));
      set(await call('library.publishScripts', { scripts: { ...scripts, phrases } }));
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <Modal open width={720} title={t('library.editPhrase', { version: library.scripts.version + 1 })} okText={t('library.publish')} cancelText={t('common.cancel')} okButtonProps={{ disabled: !changes.length }} onOk={() => void publish().catch(() => undefined)} onCancel={onClose}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={phrase.say}>
        {LOCALES.map((l) => (
          <Form.Item key={l} name={l} label={l} rules={[{ required: true, whitespace: true, message: t('library.required') }]}>
            <Input.TextArea rows={2} maxLength={1_000} />
          </Form.Item>
        ))}
      </Form>
      <ChangeList changes={changes} />
    </Modal>
  );
}
