import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import type { StaffSummary } from '../../shared/contract.js';
import { MIN_PRIVILEGED_PIN, PIN_PATTERN, pinLongEnough, ROLES, type Role } from '../../shared/staff.js';
import { call } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useSession } from '../app/sessionStore.js';

/** A manager enrols the people who use this desk, each with a role and their own PIN. */
export function StaffSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession((s) => s.staff);
  const loadRoster = useSession((s) => s.loadRoster);
  const roster = useSession((s) => s.roster);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; role: Role; pin: string }>();

  useEffect(() => {
    void loadRoster();
  }, [loadRoster]);

  const enrol = async (values: { name: string; role: Role; pin: string }) => {
    setError(null);
    try {
      const staff = await call('staff.enrol', values);
      form.resetFields();
      await loadRoster();
      void message.success(t('staff.enrolled', { name: staff.name }));
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  const deactivate = async (staff: StaffSummary) => {
    try {
      await call('staff.deactivate', { id: staff.id });
      await loadRoster();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <Card title={t('staff.title')}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Table<StaffSummary>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={roster}
        columns={[
          { title: t('staff.name'), dataIndex: 'name' },
          { title: t('staff.role'), dataIndex: 'role', render: (role: Role) => <Tag>{t(`role.${role}`)}</Tag> },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, staff) =>
              staff.id !== me?.id && (
                <Popconfirm title={t('staff.deactivateConfirm', { name: staff.name })} onConfirm={() => void deactivate(staff)}>
                  <Button size="small" danger>
                    {t('staff.deactivate')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Form form={form} layout="inline" style={{ marginTop: 16 }} initialValues={{ role: 'clerk' }} onFinish={(v) => void enrol(v)}>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('signin.nameRule') }]}>
          <Input placeholder={t('staff.name')} maxLength={60} />
        </Form.Item>
        <Form.Item name="role">
          <Select style={{ width: 140 }} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="pin"
          dependencies={['role']}
          rules={[
            { required: true, pattern: PIN_PATTERN, message: t('signin.pinRule') },
            ({ getFieldValue }) => ({
              validator: (_, pin: string | undefined) =>
                !pin || pinLongEnough(getFieldValue('role') as Role, pin) ? Promise.resolve() : Promise.reject(new Error(t('signin.managerPinRule', { min: MIN_PRIVILEGED_PIN }))),
            }),
          ]}
        >
          <Input.Password placeholder={t('signin.pin')} inputMode="numeric" maxLength={12} autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('staff.enrol')}
        </Button>
      </Form>
    </Card>
  );
}
