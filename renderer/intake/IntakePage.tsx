import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Col, Form, Input, Radio, Row, Space, Typography, type InputRef } from 'antd';
import { CHANNELS, PHONE_PATTERN } from '../../shared/complaint.js';
import type { IntakeDraft } from '../../shared/contract.js';
import type { Classification } from '../../shared/classification.js';
import { proposeClassification } from '../../shared/guidance/propose.js';
import { errorText } from '../desk/errorText.js';
import { useSettings } from '../app/settingsStore.js';
import { formatDateTime } from '../app/formatTime.js';
import { EMPTY_DRAFT, useIntake } from './intakeStore.js';
import { CaseNumberModal } from './CaseNumberModal.js';
import { CustomerPanel } from './CustomerPanel.js';
import { GuidancePanel } from '../guidance/GuidancePanel.js';
import { useLibrary } from '../guidance/libraryStore.js';
import { usePromiseTime } from '../guidance/usePromiseTime.js';
import { useAnalysis } from '../guidance/useAnalysis.js';
import { ClassificationFields, classificationOf } from '../classify/ClassificationFields.js';

export const DESCRIPTION_MAX = 10_000;
const EXPECTATION_MAX = 2_000;
type IntakeValues = IntakeDraft & { classification?: Classification };

export function IntakePage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<IntakeValues>();
  const nameRef = useRef<InputRef>(null);
  const settings = useSettings((s) => s.settings)!;
  const counter = settings.counterMode;
  const { draftStatus, restoredAt, created, scheduleDraftSave, loadDraft, submit, startNext, guidance, markStep } = useIntake();
  const library = useLibrary((s) => s.library);
  const promiseTime = usePromiseTime();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [loaded, setLoaded] = useState(false);
  // Once the clerk changes the classification by hand, the guidance stops rewriting it.
  const [classificationTouched, setClassificationTouched] = useState(false);
  const phone = Form.useWatch('customerPhone', form) ?? '';
  const name = Form.useWatch('customerName', form) ?? '';
  const description = Form.useWatch('description', form) ?? '';
  const { analysis } = useAnalysis(description);
  const proposal = useMemo(() => proposeClassification(analysis), [analysis]);

  useEffect(() => {
    loadDraft()
      .then((draft) => {
        if (draft) form.setFieldsValue(draft);
      })
      .catch((e: unknown) => setError(errorText(t, e)))
      .finally(() => setLoaded(true));
  }, [form, loadDraft, t]);

  useEffect(() => {
    if (!classificationTouched) form.setFieldsValue({ classification: proposal.classification });
  }, [form, proposal, classificationTouched]);

  // Focus only once the form is enabled: a disabled input cannot take it.
  useEffect(() => {
    if (loaded) nameRef.current?.focus();
  }, [loaded]);

  const time = (iso: string) => formatDateTime(iso, i18n.language, settings.timeZone);

  const onFinish = async (values: IntakeValues) => {
    setSubmitting(true);
    setError(null);
    const { classification, ...draft } = values;
    // At a store counter nobody classifies; a major signal still makes the case major at once.
    const confirmed = counter ? (proposal.majorBecause.length ? proposal.classification : null) : (classification ? classificationOf(classification) : proposal.classification);
    try {
      await submit({ ...EMPTY_DRAFT, ...draft, ...(counter ? { channel: 'walk_in' } : {}) }, confirmed, [...new Set(analysis.signals.map((s) => s.kind))]);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setSubmitting(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      // Pressed twice, or held: the store sends one request; the desk makes one case for it anyway.
      if (!event.repeat) form.submit();
    }
  };

  const next = async () => {
    await startNext();
    form.resetFields();
    setClassificationTouched(false);
    nameRef.current?.focus();
  };

  const draftLine =
    draftStatus.state === 'saved'
      ? t('intake.draftSaved', { time: time(draftStatus.at) })
      : draftStatus.state === 'saving'
        ? t('intake.draftSaving')
        : draftStatus.state === 'failed'
          ? t(draftStatus.unreachable ? 'intake.draftUnreachable' : 'intake.draftFailed')
          : '';

  return (
    <Row gutter={24}>
      <Col span={16}>
        <Card title={t(counter ? 'intake.counterTitle' : 'intake.title')} extra={<Typography.Text type="secondary">{t('intake.submitHint')}</Typography.Text>}>
          {restoredAt && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('intake.draftRestored', { time: time(restoredAt) })} />}
          {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={error} role="alert" />}
          <Form
            form={form}
            layout="vertical"
            initialValues={{ ...EMPTY_DRAFT, classification: proposal.classification }}
            disabled={!loaded}
            onKeyDown={onKeyDown}
            onFinish={onFinish}
            onValuesChange={(changed: Partial<IntakeValues>, all) => {
              if ('classification' in changed) setClassificationTouched(true);
              const { classification: _c, ...draft } = all;
              scheduleDraftSave({ ...EMPTY_DRAFT, ...draft });
            }}
          >
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="customerName" label={t('intake.customerName')} rules={[{ required: true, whitespace: true, message: t('intake.required.customerName') }]}>
                  <Input ref={nameRef} placeholder={t('intake.customerNamePlaceholder')} maxLength={100} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="customerPhone"
                  label={t('intake.customerPhone')}
                  rules={[
                    { required: true, whitespace: true, message: t('intake.required.customerPhone') },
                    { pattern: PHONE_PATTERN, message: t('intake.phoneInvalid') },
                  ]}
                >
                  <Input placeholder={t('intake.customerPhonePlaceholder')} maxLength={40} autoComplete="off" inputMode="tel" />
                </Form.Item>
              </Col>
            </Row>
            {!counter && (
              <Form.Item name="channel" label={t('intake.channel')} rules={[{ required: true, message: t('intake.required.channel') }]}>
                <Radio.Group optionType="button" buttonStyle="solid" options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
              </Form.Item>
            )}
            <Form.Item
              name="description"
              label={t('intake.description')}
              rules={[
                { required: true, whitespace: true, message: t('intake.required.description') },
                { max: DESCRIPTION_MAX, message: t('intake.tooLong', { max: DESCRIPTION_MAX }) },
              ]}
            >
              {/* Counted, never cut: a paste beyond the limit stays visible and is refused with the limit named. */}
              <Input.TextArea rows={6} placeholder={t('intake.descriptionPlaceholder')} count={{ show: true, max: DESCRIPTION_MAX }} data-testid="description" />
            </Form.Item>
            <Form.Item name="expectation" label={t('intake.expectation')} rules={[{ max: EXPECTATION_MAX, message: t('intake.tooLong', { max: EXPECTATION_MAX }) }]}>
              <Input.TextArea rows={2} placeholder={t('intake.expectationPlaceholder')} count={{ show: true, max: EXPECTATION_MAX }} />
            </Form.Item>
            {counter ? (
              proposal.majorBecause.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('intake.counterMajor')} data-testid="counter-major" />
            ) : (
              <Card size="small" type="inner" title={t('intake.classification')} extra={<Typography.Text type="secondary">{t('intake.classificationHint')}</Typography.Text>} style={{ marginBottom: 16 }} data-testid="intake-classification">
                <ClassificationFields prefix={['classification']} majorBecause={proposal.majorBecause} />
              </Card>
            )}
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={submitting} size="large">
                {submitting ? t('intake.submitting') : t('intake.submit')}
              </Button>
              <Button onClick={() => void next()}>{t('intake.clear')}</Button>
              <Typography.Text type={draftStatus.state === 'failed' ? 'danger' : 'secondary'} data-testid="draft-status" data-state={draftStatus.state}>
                {draftLine}
              </Typography.Text>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col span={8}>
        {!counter && !created && <CustomerPanel phone={phone} name={name} description={description} />}
        <GuidancePanel
          text={description}
          customerName={name}
          promiseTime={promiseTime}
          stepsDone={guidance?.stepsDone ?? []}
          onStepDone={markStep}
          library={library}
        />
      </Col>
      {created && <CaseNumberModal created={created} onNext={() => void next()} />}
    </Row>
  );
}
