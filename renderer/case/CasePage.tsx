import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import type { CaseActionRequest, ResponseOf, StaffSummary } from '../../shared/contract.js';
import type { CaseAction } from '../../shared/lifecycle.js';
import { call, onDesk } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useNav } from '../app/navStore.js';
import { useSettings } from '../app/settingsStore.js';
import { formatDateTime } from '../app/formatTime.js';
import { printSection } from '../app/print.js';
import { ACTION_KEYS } from './actionForms.js';
import { ActionModal } from './ActionModal.js';
import { TimelineView } from './TimelineView.js';
import { CaseTags } from './CaseTags.js';
import { CustomerDrawer } from '../customer/CustomerDrawer.js';
import { GuidancePanel } from '../guidance/GuidancePanel.js';
import { useLibrary } from '../guidance/libraryStore.js';
import { usePromiseTime } from '../guidance/usePromiseTime.js';
import type { Step } from '../../shared/guidance/steps.js';
import { clockText, STATE_COLOURS } from '../sla/timeLeft.js';
import { useFormatDue } from '../sla/formatDue.js';
import { useSession } from '../app/sessionStore.js';
import { WorkOrdersCard } from '../field/WorkOrdersCard.js';

type CaseData = ResponseOf<'case.get'>;

export function CasePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const go = useNav((s) => s.go);
  const timeZone = useSettings((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [data, setData] = useState<CaseData | null>(null);
  const [staff, setStaff] = useState<StaffSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<CaseAction | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [customerOpen, setCustomerOpen] = useState(false);
  const library = useLibrary((s) => s.library);
  const promiseTime = usePromiseTime();
  const formatDue = useFormatDue();
  const me = useSession((s) => s.staff);

  const load = useCallback(() => {
    call('case.get', { id })
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(t, e)));
  }, [id, t]);

  useEffect(() => {
    load();
    call('staff.roster', {})
      .then((r) => setStaff(r.staff))
      .catch(() => undefined);
    const offChanged = onDesk('case.changed', (changed) => {
      if (changed.id === id) load();
    });
    // A large pull announces itself once instead of case by case.
    const offSynced = onDesk('sync.done', ({ received }) => {
      if (received > 0) load();
    });
    return () => {
      offChanged();
      offSynced();
    };
  }, [id, load]);

  const names = useMemo(() => new Map(staff.map((s) => [s.id, s.name])), [staff]);

  // One key per action, when no text field has the focus and no dialog is open.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (action || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement;
      if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable) return;
      const found = data?.allowedActions.find((a) => ACTION_KEYS[a] === event.key.toUpperCase());
      if (found) {
        event.preventDefault();
        setActionError(null);
        setAction(found);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [action, data]);

  const markStep = (step: Step, scriptVersion: number) =>
    void call('case.act', { id, action: { type: 'guidance_step_done', payload: { step, scriptVersion } } })
      .then(setData)
      .catch((e: unknown) => setError(errorText(t, e)));

  const submit = async (payload: Record<string, unknown>) => {
    if (!action) return;
    setBusy(true);
    setActionError(null);
    try {
      const next = await call('case.act', { id, action: { type: action, payload } as CaseActionRequest });
      setData(next);
      setAction(null);
      void message.success(t('case.actionSaved', { action: t(`action.${action}`) }));
    } catch (e) {
      setActionError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  /** A work-order step taken from the case (booking a visit): the answer is the case again. */
  const actOnCase = async (next: CaseActionRequest) => {
    try {
      setData(await call('case.act', { id, action: next }));
      void message.success(t('case.actionSaved', { action: t(`action.${next.type}`) }));
      return true;
    } catch (e) {
      setError(errorText(t, e));
      return false;
    }
  };

  const back = (
    <Button className="no-print" onClick={() => go({ name: 'queue' })}>
      {t('case.back')}
    </Button>
  );
  if (error && !data)
    return (
      <Space direction="vertical">
        {back}
        <Alert type="error" showIcon message={error} />
      </Space>
    );
  if (!data) return <Spin tip={t('common.loading')} />;
  const c = data.case;
  const time = (iso: string) => formatDateTime(iso, i18n.language, timeZone);
  const unsettled = c.conflicts.filter((x) => !x.settled);

  const buttons = data.allowedActions.filter((a) => a !== 'guidance_step_done');
  return (
    <Row gutter={24} className="case-record">
      <Col span={data.allowedActions.includes('guidance_step_done') ? 16 : 24}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Space className="no-print">
          {back}
          <Button onClick={() => printSection('record')}>{t('case.print')}</Button>
        </Space>
        {error && <Alert type="error" showIcon message={error} />}
        <Card
          title={
            <Space size="large" wrap>
              <Typography.Text strong style={{ fontSize: 20 }} data-testid="case-title">
                {c.caseNumber}
              </Typography.Text>
              <Button type="link" className="no-print" style={{ padding: 0 }} onClick={() => setCustomerOpen(true)} disabled={!c.customerId}>
                {c.customerName}
              </Button>
              <Typography.Text className="print-only">{c.customerName}</Typography.Text>
              <CaseTags summary={c} />
              <Typography.Text>{t('case.owner', { name: c.ownerName })}</Typography.Text>
            </Space>
          }
        >
          {data.clock && (
            <Typography.Paragraph data-testid="clock" data-state={data.clock.state}>
              <Tag color={STATE_COLOURS[data.clock.state]} style={{ fontSize: 14, padding: '2px 8px' }}>
                {clockText(t, data.clock, formatDue(data.clock.dueAt))}
              </Tag>
            </Typography.Paragraph>
          )}
          <Typography.Paragraph className="say-now" data-testid="tell-customer">
            {t(`tell.${c.status}`, { caseNumber: c.caseNumber, owner: c.ownerName })}
          </Typography.Paragraph>
          {unsettled.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('case.conflicts', { count: unsettled.length })} />}
          {c.repeatOf.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={
                <Space wrap>
                  {t('case.repeatOf')}
                  {c.repeatOf.map((r) => (
                    <Button key={r.id} type="link" size="small" onClick={() => go({ name: 'case', id: r.id })}>
                      {r.caseNumber}
                    </Button>
                  ))}
                </Space>
              }
            />
          )}
          <Space wrap className="no-print" data-testid="case-actions">
            {buttons.map((a) => (
              <Button
                key={a}
                type={a === data.nextStep ? 'primary' : 'default'}
                onClick={() => {
                  setActionError(null);
                  setAction(a);
                }}
              >
                {t(`action.${a}`)}
                <span className="key-hint">{ACTION_KEYS[a]}</span>
              </Button>
            ))}
          </Space>
          {data.blockedStep && (
            <Alert
              className="no-print"
              type="info"
              showIcon
              style={{ marginTop: 12 }}
              data-testid="blocked-step"
              message={t('case.blockedStep', {
                action: t(`action.${data.blockedStep.action}`),
                reason: t(`conflictReason.${data.blockedStep.reason}`),
                who: data.blockedStep.who.length ? data.blockedStep.who.join(t('common.listSeparator')) : t('case.nobodyYet'),
              })}
            />
          )}
        </Card>
        <Card title={t('case.details')}>
          <Descriptions column={2} bordered size="small" styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('queue.columns.phone')}>{c.customerPhone}</Descriptions.Item>
            <Descriptions.Item label={t('queue.columns.channel')}>{t(`channel.${c.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('queue.columns.receivedAt')}>{time(c.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('case.receivedBy')}>{c.receivedByName}</Descriptions.Item>
            <Descriptions.Item label={t('intake.description')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.description}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('intake.expectation')} span={2}>
              {c.expectation}
            </Descriptions.Item>
            {c.classification && (
              <Descriptions.Item label={t('case.classification')} span={2}>
                {[
                  t(`nature.${c.classification.nature}`),
                  c.classification.communicationKind ? t(`communicationKind.${c.classification.communicationKind}`) : null,
                  t(`content.${c.classification.content}`),
                  t(`cause.${c.classification.cause}`),
                  t(`motive.${c.classification.motive}`),
                ]
                  .filter(Boolean)
                  .join(t('common.listSeparator'))}
              </Descriptions.Item>
            )}
            {c.findings && (
              <Descriptions.Item label={t('actionField.findings')} span={2}>
                {c.findings}
              </Descriptions.Item>
            )}
            {c.proposal && (
              <Descriptions.Item label={t('actionField.remedy')} span={2}>
                {[c.proposal.remedy, c.proposal.compensation, c.proposal.correctiveAction].filter(Boolean).join(t('common.listSeparator'))}
              </Descriptions.Item>
            )}
            {c.followUp && (
              <Descriptions.Item label={t('actionField.satisfaction')} span={2}>
                {t('event.followed_up', { satisfaction: t(`satisfaction.${c.followUp.satisfaction}`), solved: t(`solved.${c.followUp.solved}`) })}
              </Descriptions.Item>
            )}
            {c.followUpState === 'unreachable' && (
              <Descriptions.Item label={t('nav.followup')} span={2}>
                {t('followup.unreachable')}
              </Descriptions.Item>
            )}
            {c.closing && (
              <Descriptions.Item label={t('actionField.customerAccepted')} span={2}>
                {c.closing.customerAccepted ? t('common.yes') : `${t('common.no')}${t('common.listSeparator')}${c.closing.recourse}`}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <WorkOrdersCard
          detail={c}
          staff={staff}
          canBook={c.status !== 'closed' && (c.ownerId === me?.id || me?.role === 'supervisor' || me?.role === 'manager')}
          act={actOnCase}
        />
        <Card title={t('case.timeline')}>
          <TimelineView entries={data.timeline} names={names} />
        </Card>
      </Space>
      </Col>
      {data.allowedActions.includes('guidance_step_done') && (
        <Col span={8} className="no-print">
          <GuidancePanel
            text={c.description}
            customerName={c.customerName}
            caseNumber={c.caseNumber}
            promiseTime={promiseTime}
            stepsDone={c.guidance?.stepsDone ?? []}
            onStepDone={markStep}
            library={library}
          />
        </Col>
      )}
      {action && (
        <ActionModal
          action={action}
          detail={c}
          staff={staff}
          error={actionError}
          busy={busy}
          onSubmit={(payload) => void submit(payload)}
          onCancel={() => setAction(null)}
        />
      )}
      {customerOpen && c.customerId && <CustomerDrawer id={c.customerId} onClose={() => setCustomerOpen(false)} />}
    </Row>
  );
}
