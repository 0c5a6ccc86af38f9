import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Col, Descriptions, Empty, List, Row, Segmented, Space, Tag, Typography } from 'antd';
import type { CaseActionRequest, FollowUpItem, ResponseOf, StaffSummary } from '../../shared/contract.js';
import type { CaseAction } from '../../shared/lifecycle.js';
import { analyze } from '../../shared/guidance/analyze.js';
import { call, onDesk } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useNav } from '../app/navStore.js';
import { useSession } from '../app/sessionStore.js';
import { useSettings } from '../app/settingsStore.js';
import { useFormatDue } from '../sla/formatDue.js';
import { STATE_COLOURS } from '../sla/timeLeft.js';
import { ActionModal } from '../case/ActionModal.js';

type CaseData = ResponseOf<'case.get'>;

/**
 * 回访: whom to call back, most urgent first, and everything for the call on one screen — the
 * script, what the customer said, what we did and told them, how they felt then — offline.
 */
export function FollowUpPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const go = useNav((s) => s.go);
  const me = useSession((s) => s.staff);
  const settings = useSettings((s) => s.settings)!;
  const formatDue = useFormatDue();
  const [scope, setScope] = useState<'all' | 'mine'>('all');
  const [items, setItems] = useState<FollowUpItem[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [data, setData] = useState<CaseData | null>(null);
  const [staff, setStaff] = useState<StaffSummary[]>([]);
  const [action, setAction] = useState<CaseAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    call('followUp.list', { scope })
      .then(({ items: found }) => {
        setItems(found);
        setSelected((current) => (current && found.some((i) => i.id === current) ? current : (found[0]?.id ?? null)));
      })
      .catch((e: unknown) => setError(errorText(t, e)));
  }, [scope, t]);

  useEffect(() => {
    load();
    call('staff.roster', {})
      .then((r) => setStaff(r.staff))
      .catch(() => undefined);
    const offChanged = onDesk('case.changed', () => load());
    const offSynced = onDesk('sync.done', ({ received }) => received > 0 && load());
    return () => {
      offChanged();
      offSynced();
    };
  }, [load]);

  useEffect(() => {
    if (!selected) return setData(null);
    call('case.get', { id: selected })
      .then(setData)
      .catch((e: unknown) => setError(errorText(t, e)));
  }, [selected, t]);

  const item = items?.find((i) => i.id === selected) ?? null;
  const mood = useMemo(() => (item ? analyze(item.description).temperature : 0), [item]);

  const submit = async (payload: Record<string, unknown>) => {
    if (!action || !selected) return;
    setBusy(true);
    setActionError(null);
    try {
      await call('case.act', { id: selected, action: { type: action, payload } as CaseActionRequest });
      void message.success(t('case.actionSaved', { action: t(`action.${action}`) }));
      setAction(null);
      load();
    } catch (e) {
      setActionError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const open = (a: CaseAction) => {
    setActionError(null);
    setAction(a);
  };

  return (
    <Row gutter={24}>
      <Col span={10}>
        <Card
          title={t('followup.title')}
          extra={
            <Segmented
              value={scope}
              options={[
                { value: 'all', label: t('followup.scope.all') },
                { value: 'mine', label: t('followup.scope.mine') },
              ]}
              onChange={(v) => setScope(v as 'all' | 'mine')}
            />
          }
        >
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          {items && items.length === 0 ? (
            <Empty description={t('followup.empty')} />
          ) : (
            <List
              loading={items === null}
              dataSource={items ?? []}
              data-testid="followup-list"
              renderItem={(i) => (
                <List.Item
                  onClick={() => setSelected(i.id)}
                  style={{ cursor: 'pointer', background: i.id === selected ? '#f0f7f5' : undefined, paddingInline: 8 }}
                  data-testid="followup-item"
                >
                  <Space direction="vertical" size={2} style={{ width: '100%' }}>
                    <Space wrap>
                      <Typography.Text strong>{i.customerName}</Typography.Text>
                      <Typography.Text type="secondary">{i.caseNumber}</Typography.Text>
                      {i.dueAt !== null && i.clockState && (
                        <Tag color={STATE_COLOURS[i.clockState]} data-testid="followup-due" data-clock={i.clockState}>
                          {t(`sla.state.${i.clockState}`)} · {formatDue(i.dueAt)}
                        </Tag>
                      )}
                    </Space>
                    <Typography.Text ellipsis>{i.description}</Typography.Text>
                    <Space size="small" wrap>
                      <Typography.Text type="secondary">{t('common.labelled', { label: t('followup.columns.caller') })}{i.callerName}</Typography.Text>
                      {i.attempts > 0 && <Tag color="orange">{t('followup.attempts', { count: i.attempts, max: i.maxAttempts })}</Tag>}
                    </Space>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col span={14}>
        {!item || !data ? (
          <Card>
            <Empty description={t('followup.pick')} />
          </Card>
        ) : (
          <Card
            title={t('followup.call')}
            extra={
              <Button onClick={() => go({ name: 'case', id: item.id })}>
                {t('followup.openCase')}
              </Button>
            }
            data-testid="followup-call"
          >
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <div className="say-now">
                <p>{t('followup.script.thank', { name: item.customerName, branch: settings.branchName || settings.branchCode, me: me?.name ?? '' })}</p>
                <p>{t('followup.script.check', { done: item.execution ?? item.feedback ?? '' })}</p>
                <p>{t('followup.script.questions')}</p>
              </div>
              <Descriptions column={1} bordered size="small" styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}>
                <Descriptions.Item label={t('followup.complained')}>{item.description}</Descriptions.Item>
                {item.execution && <Descriptions.Item label={t('followup.done')}>{item.execution}</Descriptions.Item>}
                {item.feedback && <Descriptions.Item label={t('followup.told')}>{item.feedback}</Descriptions.Item>}
              </Descriptions>
              <Typography.Text type="secondary">{t('followup.earlierMood', { level: t(`guidance.level.${mood}`) })}</Typography.Text>
              {item.nextAttemptAt !== null && (
                <Alert type="warning" showIcon message={`${t('followup.attempts', { count: item.attempts, max: item.maxAttempts })}${t('common.sentenceBreak')}${t('followup.nextAttempt', { time: formatDue(item.nextAttemptAt) })}`} />
              )}
              <Space>
                {data.allowedActions.includes('follow_up_attempted') && <Button onClick={() => open('follow_up_attempted')}>{t('followup.notReached')}</Button>}
                {data.allowedActions.includes('followed_up') && (
                  <Button type="primary" onClick={() => open('followed_up')}>
                    {t('followup.reached')}
                  </Button>
                )}
                {data.allowedActions.includes('follow_up_assigned') && <Button onClick={() => open('follow_up_assigned')}>{t('action.follow_up_assigned')}</Button>}
              </Space>
            </Space>
          </Card>
        )}
      </Col>
      {action && data && (
        <ActionModal action={action} detail={data.case} staff={staff} error={actionError} busy={busy} onSubmit={(payload) => void submit(payload)} onCancel={() => setAction(null)} />
      )}
    </Row>
  );
}
