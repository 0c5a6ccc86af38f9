import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Form, Input, Radio, Space, Typography, type InputRef } from 'antd';
import { MIN_PRIVILEGED_PIN, PIN_PATTERN } from '../../shared/staff.js';
import { BRANCH_CODE_PATTERN, DEVICE_CODE_PATTERN } from '../../shared/caseNumber.js';
import { errorText } from '../desk/errorText.js';
import { useSession } from '../app/sessionStore.js';

/** First start: the manager who sets the desk up. Afterwards: pick your name, type your PIN. */
export function SignInPage() {
  const { t } = useTranslation();
  const { roster, bootstrapNeeded, loadRoster, signIn, bootstrap } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [staffId, setStaffId] = useState<string | null>(null);
  const pinRef = useRef<InputRef>(null);
  const [form] = Form.useForm<{ pin: string }>();

  useEffect(() => {
    loadRoster().catch((e: unknown) => setError(errorText(t, e)));
  }, [loadRoster, t]);
  useEffect(() => {
    if (!staffId && roster[0]) setStaffId(roster[0].id);
  }, [roster, staffId]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(t, e));
      form.resetFields();
      pinRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const pinRules = [{ required: true, pattern: PIN_PATTERN, message: t('signin.pinRule') }];
  const managerPinRules = [...pinRules, { min: MIN_PRIVILEGED_PIN, message: t('signin.managerPinRule', { min: MIN_PRIVILEGED_PIN }) }];

  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 64 }}>
      <Card style={{ width: 520 }} title={bootstrapNeeded ? t('signin.setupTitle') : t('signin.title')}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        {bootstrapNeeded ? (
          <Form
            layout="vertical"
            onFinish={(v: { name: string; pin: string; branchCode: string; deviceCode: string }) => void run(() => bootstrap(v.name, v.pin, v.branchCode, v.deviceCode))}
          >
            <Typography.Paragraph type="secondary">{t('signin.setupHint')}</Typography.Paragraph>
            {/* Who this desk is, before its first case: each case number it issues carries these codes. */}
            <Space align="start">
              <Form.Item
                name="branchCode"
                label={t('settings.branchCode')}
                normalize={(v: string) => v.toUpperCase()}
                rules={[{ required: true, pattern: BRANCH_CODE_PATTERN, message: t('signin.branchRule') }]}
              >
                <Input autoFocus maxLength={8} placeholder="BJ01" style={{ width: 160 }} />
              </Form.Item>
              <Form.Item
                name="deviceCode"
                label={t('settings.deviceCode')}
                normalize={(v: string) => v.toUpperCase()}
                rules={[{ required: true, pattern: DEVICE_CODE_PATTERN, message: t('signin.deskRule') }]}
              >
                <Input maxLength={4} placeholder="A" style={{ width: 120 }} />
              </Form.Item>
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
              {t('signin.identityHint')}
            </Typography.Paragraph>
            <Form.Item name="name" label={t('signin.managerName')} rules={[{ required: true, whitespace: true, message: t('signin.nameRule') }]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="pin" label={t('signin.pin')} rules={managerPinRules}>
              <Input.Password inputMode="numeric" maxLength={12} autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="pinAgain"
              label={t('signin.pinAgain')}
              dependencies={['pin']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value) => (value === getFieldValue('pin') ? Promise.resolve() : Promise.reject(new Error(t('signin.pinMismatch')))),
                }),
              ]}
            >
              <Input.Password inputMode="numeric" maxLength={12} autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block size="large">
              {t('signin.setup')}
            </Button>
          </Form>
        ) : (
          <Form form={form} layout="vertical" onFinish={(v) => staffId && void run(() => signIn(staffId, v.pin))}>
            <Form.Item label={t('signin.who')}>
              <Radio.Group
                value={staffId}
                onChange={(e) => {
                  setStaffId(e.target.value as string);
                  pinRef.current?.focus();
                }}
              >
                <Space direction="vertical">
                  {roster.map((s) => (
                    <Radio key={s.id} value={s.id}>
                      {s.name} <Typography.Text type="secondary">{t(`role.${s.role}`)}</Typography.Text>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="pin" label={t('signin.secret')} rules={[{ required: true, message: t('signin.secretRule') }]}>
              <Input.Password ref={pinRef} autoFocus maxLength={64} autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block size="large">
              {t('signin.submit')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
