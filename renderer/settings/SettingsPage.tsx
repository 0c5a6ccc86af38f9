import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Form, Input, Radio } from 'antd';
import { LOCALES } from '../../shared/locale.js';
import type { Settings } from '../../shared/settings.js';
import { errorText } from '../desk/errorText.js';
import { useSettings } from '../app/settingsStore.js';

const LANGUAGE_NAMES: Record<(typeof LOCALES)[number], string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { settings, save } = useSettings();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onFinish = async (values: Settings) => {
    setSaving(true);
    setError(null);
    try {
      await save(values);
      // The language may have just changed: translate with the new one, not this render's.
      void message.success(i18n.t('settings.saved'));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('settings.title')} style={{ maxWidth: 720 }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Settings> layout="vertical" initialValues={settings ?? undefined} onFinish={onFinish}>
        <Form.Item name="locale" label={t('settings.language')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
        </Form.Item>
        <Form.Item name="staffName" label={t('settings.staffName')}>
          <Input placeholder={t('settings.staffNamePlaceholder')} maxLength={100} />
        </Form.Item>
        <Form.Item name="branchCode" label={t('settings.branchCode')} extra={t('settings.deviceHint')}>
          <Input maxLength={8} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="deviceCode" label={t('settings.deviceCode')}>
          <Input maxLength={4} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="timeZone" label={t('settings.timeZone')}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('settings.save')}
        </Button>
      </Form>
    </Card>
  );
}
