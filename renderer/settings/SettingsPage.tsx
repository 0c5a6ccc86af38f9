import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Form, Input, InputNumber, Radio, Space, Switch } from 'antd';
import { LOCALES } from '../../shared/locale.js';
import { RECEIPT_PAPERS, type Settings } from '../../shared/settings.js';
import { errorText } from '../desk/errorText.js';
import { useSettings } from '../app/settingsStore.js';
import { useSession } from '../app/sessionStore.js';
import { LANGUAGE_NAMES } from '../app/LanguageSwitch.js';
import { StaffSettings } from './StaffSettings.js';
import { SlaSettings } from './SlaSettings.js';
import { SyncSettings } from './SyncSettings.js';
import { LicencesCard } from './LicencesCard.js';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { settings, save } = useSettings();
  const isManager = useSession((s) => s.staff?.role === 'manager');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onFinish = async (values: Settings) => {
    setSaving(true);
    setError(null);
    try {
      await save(isManager ? values : { locale: values.locale });
      // The language may have just changed: translate with the new one, not this render's.
      void message.success(i18n.t('settings.saved'));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 860 }}>
      <Card title={t('settings.title')}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        {/* Remounted when the settings change elsewhere (joining the server assigns new codes). */}
        <Form<Settings> key={JSON.stringify(settings)} layout="vertical" initialValues={settings ?? undefined} onFinish={(v) => void onFinish(v)}>
          <Form.Item name="locale" label={t('settings.language')}>
            <Radio.Group optionType="button" buttonStyle="solid" options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
          </Form.Item>
          {isManager && (
            <>
              <Form.Item name="branchCode" label={t('settings.branchCode')} extra={t('settings.deviceHint')}>
                <Input maxLength={8} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="deviceCode" label={t('settings.deviceCode')}>
                <Input maxLength={4} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="timeZone" label={t('settings.timeZone')}>
                <Input style={{ width: 240 }} />
              </Form.Item>
              <Form.Item name="repeatWindowDays" label={t('settings.repeatWindowDays')} extra={t('settings.repeatWindowHint')}>
                <InputNumber min={1} max={365} />
              </Form.Item>
              <Form.Item name="branchName" label={t('settings.branchName')}>
                <Input maxLength={60} style={{ width: 360 }} />
              </Form.Item>
              <Form.Item name="hotline" label={t('settings.hotline')}>
                <Input maxLength={40} style={{ width: 240 }} />
              </Form.Item>
              <Form.Item name="receiptPaper" label={t('settings.receiptPaper')}>
                <Radio.Group optionType="button" options={RECEIPT_PAPERS.map((p) => ({ value: p, label: t(`settings.paper.${p}`) }))} />
              </Form.Item>
              <Form.Item name="counterMode" label={t('settings.counterMode')} extra={t('settings.counterModeHint')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('settings.save')}
          </Button>
        </Form>
      </Card>
      {isManager && <StaffSettings />}
      {isManager && <SlaSettings />}
      {isManager && <SyncSettings />}
      <LicencesCard />
    </Space>
  );
}
