import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Checkbox, Form, Input, Modal, Radio, Select, Switch } from 'antd';
import type { CaseDetail, StaffSummary } from '../../shared/contract.js';
import type { CaseAction } from '../../shared/lifecycle.js';
import { ACTION_FIELDS, type FieldSpec } from './actionForms.js';
import { executionSummary } from '../../shared/workOrder.js';
import { checkWording } from '../../shared/guidance/library.js';
import { analyze, type GuidanceLocale } from '../../shared/guidance/analyze.js';
import { proposeClassification } from '../../shared/guidance/propose.js';
import type { Classification } from '../../shared/classification.js';
import { reopensCase, type Solved } from '../../shared/followUp.js';
import { ClassificationFields, classificationOf } from '../classify/ClassificationFields.js';
import { useLibrary } from '../guidance/libraryStore.js';

interface Props {
  action: CaseAction;
  detail: CaseDetail;
  staff: StaffSummary[];
  error: string | null;
  busy: boolean;
  onSubmit(payload: Record<string, unknown>): void;
  onCancel(): void;
}

function initialValues(action: CaseAction, detail: CaseDetail, proposal: Classification): Record<string, unknown> {
  switch (action) {
    case 'classified':
      // Unclassified so far: start from what the customer's words suggest, not from a fixed default.
      return detail.classification ?? proposal;
    case 'escalated':
      return { severity: detail.severity ?? 3, major: detail.major };
    case 'followed_up':
      // No answer is assumed: the clerk asks and records what the customer says.
      return { expectationMet: false, improve: [] };
    case 'closed':
      return { customerAccepted: true };
    case 'chased':
      return { source: 'customer' };
    case 'executed': {
      // The remedy was carried out onsite: the visit's result is the summary, not typed a second time.
      const visit = detail.workOrders.filter((o) => o.status === 'completed').at(-1);
      return visit ? { summary: executionSummary(visit) } : {};
    }
    default:
      return {};
  }
}

/** One form per action, keyboard-first: Ctrl+Enter saves, Esc cancels. */
export function ActionModal({ action, detail, staff, error, busy, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Record<string, unknown>>();
  const accepted = Form.useWatch('customerAccepted', form);
  const [fields] = useState(() => (ACTION_FIELDS[action] ?? []));
  const library = useLibrary((s) => s.library);
  const values = Form.useWatch([], form) as Record<string, unknown> | undefined;
  const proposal = useMemo(() => proposeClassification(analyze(detail.description, undefined, library.lexicon)), [detail.description, library.lexicon]);
  // The clerk's own words are checked as they type: no 推诿, blaming, denying or excuses.
  const written = fields
    .filter((f) => f.kind === 'text' || f.kind === 'textarea')
    .map((f) => (typeof values?.[f.name] === 'string' ? (values[f.name] as string) : ''))
    .join('\n');
  const warnings = written.trim() ? checkWording(written, i18n.language as GuidanceLocale, {}, library) : [];

  useEffect(() => form.resetFields(), [action, form]);

  const field = (spec: FieldSpec) => {
    const label = t(`actionField.${spec.name}`);
    // A dissatisfied follow-up of a major case names the supervisor or manager who takes it back.
    const reopening = action === 'followed_up' && typeof values?.satisfaction === 'number' && typeof values.solved === 'string' && reopensCase(values as { satisfaction: number; solved: Solved });
    if (spec.name === 'returnTo' && !(detail.major && reopening)) return null;
    const required = ('required' in spec && spec.required) || (action === 'closed' && spec.name === 'recourse' && accepted === false) || spec.name === 'returnTo';
    const rules = required ? [{ required: true, message: t('actionField.required', { field: label }) }] : [];
    switch (spec.kind) {
      case 'text':
        return (
          <Form.Item key={spec.name} name={spec.name} label={label} rules={rules}>
            <Input maxLength={1_000} />
          </Form.Item>
        );
      case 'textarea':
        return (
          <Form.Item key={spec.name} name={spec.name} label={label} rules={rules}>
            <Input.TextArea rows={3} maxLength={4_000} />
          </Form.Item>
        );
      case 'choice':
        return (
          <Form.Item key={spec.name} name={spec.name} label={label} rules={rules}>
            <Radio.Group optionType="button" options={spec.options.map((o) => ({ value: o, label: t(`${spec.optionKey}.${o}`) }))} />
          </Form.Item>
        );
      case 'switch':
        return (
          <Form.Item key={spec.name} name={spec.name} label={label} valuePropName="checked" initialValue={false}>
            <Switch />
          </Form.Item>
        );
      case 'tags':
        return (
          <Form.Item key={spec.name} name={spec.name} label={label}>
            <Checkbox.Group options={spec.options.map((o) => ({ value: o, label: t(`${spec.optionKey}.${o}`) }))} />
          </Form.Item>
        );
      case 'staff':
        return (
          <Form.Item key={spec.name} name={spec.name} label={label} rules={rules}>
            <Select
              showSearch
              optionFilterProp="label"
              options={staff
                .filter((s) => s.id !== detail.ownerId || action === 'assigned')
                .filter((s) => spec.name !== 'returnTo' || s.role === 'supervisor' || s.role === 'manager')
                .map((s) => ({ value: s.id, label: t('common.withNote', { main: s.name, note: t(`role.${s.role}`) }) }))}
            />
          </Form.Item>
        );
      case 'conflict':
        return (
          <Form.Item key={spec.name} name={spec.name} label={label} rules={rules}>
            <Select
              options={detail.conflicts
                .filter((c) => !c.settled)
                .map((c) => ({ value: c.eventId, label: `${t(`event.${c.type}`, { defaultValue: c.type })} — ${t(`conflictReason.${c.reason}`)}` }))}
            />
          </Form.Item>
        );
    }
  };

  const submit = async () => {
    const values = await form.validateFields();
    onSubmit(action === 'classified' ? classificationOf(values) : values);
  };

  return (
    <Modal
      open
      title={t(`action.${action}`)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues(action, detail, proposal.classification)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit().catch(() => undefined);
          }
        }}
      >
        {action === 'classified' ? <ClassificationFields majorBecause={detail.classification ? [] : proposal.majorBecause} /> : fields.map(field)}
      </Form>
      {warnings.map((w) => (
        <Alert key={w.found} type="warning" showIcon style={{ marginTop: 8 }} data-testid="wording-warning" message={t('guidance.wordingWarning', { found: w.found, why: w.why })} description={t('guidance.wordingBetter', { better: w.better })} />
      ))}
    </Modal>
  );
}
