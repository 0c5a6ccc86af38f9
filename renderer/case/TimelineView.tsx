import { useTranslation } from 'react-i18next';
import { Tag, Timeline, Typography } from 'antd';
import type { TimelineEntry } from '../../shared/contract.js';
import { useSettings } from '../app/settingsStore.js';
import { formatDateTime } from '../app/formatTime.js';
import { reopensCase, type Solved } from '../../shared/followUp.js';

/** The payload fields worth a line on the timeline, per event type, in reading order. */
const SHOWN_FIELDS: Record<string, string[]> = {
  handed_over: ['reason'],
  customer_contacted: ['summary'],
  investigated: ['findings'],
  proposal_made: ['remedy', 'compensation', 'correctiveAction'],
  proposal_withdrawn: ['reason'],
  proposal_rejected: ['reason'],
  approved: ['comment'],
  executed: ['summary'],
  feedback_given: ['summary'],
  followed_up: ['suggestions'],
  follow_up_attempted: ['note'],
  closed: ['recourse'],
  work_order_created: ['address', 'checkList'],
  work_order_rescheduled: ['reason'],
  work_order_cancelled: ['reason'],
  work_order_diagnosed: ['fault'],
  work_order_work_done: ['summary'],
  reopened: ['reason'],
  chased: ['note'],
  escalated: ['reason'],
  note_added: ['text'],
  conflict_settled: ['note'],
};

/** Which of seed 000's rules the app escalated by; older events carry only their English reason. */
function autoRule(payload: Record<string, unknown>): 'no_contact' | 'chasers' {
  if (payload.rule === 'chasers' || payload.rule === 'no_contact') return payload.rule;
  return String(payload.reason).includes('chased') ? 'chasers' : 'no_contact';
}

function Headline({ entry, names }: { entry: TimelineEntry; names: Map<string, string> }) {
  const { t } = useTranslation();
  const p = entry.payload;
  const name = (id: unknown) => names.get(String(id)) ?? String(id);
  switch (entry.type) {
    case 'received':
      return <>{t('event.received', { channel: t(`channel.${String(p.channel)}`) })}</>;
    case 'classified':
      return (
        <>
          {t('event.classified', {
            severity: t(`severity.${String(p.severity)}`),
            major: p.major ? t('major.major') : t('major.general'),
            content: t(`content.${String(p.content)}`),
            motive: t(`motive.${String(p.motive)}`),
          })}
        </>
      );
    case 'assigned':
      return <>{t('event.assigned', { name: name(p.ownerId) })}</>;
    case 'handed_over':
      return <>{t('event.handed_over', { name: name(p.toId) })}</>;
    case 'escalated':
      return <>{t('event.escalated', { severity: p.severity ? t(`severity.${String(p.severity)}`) : '—', major: p.major ? t('major.major') : t('major.general') })}</>;
    case 'followed_up': {
      const solved = p.solved === true ? 'yes' : p.solved === false ? 'no' : String(p.solved);
      const line = t('event.followed_up', { satisfaction: t(`satisfaction.${String(p.satisfaction)}`), solved: t(`solved.${solved}`) });
      return <>{reopensCase({ satisfaction: Number(p.satisfaction), solved: solved as Solved }) ? `${line}${t('common.sentenceBreak')}${t('event.followUpReopened')}` : line}</>;
    }
    case 'follow_up_attempted':
      return <>{t('event.follow_up_attempted', { outcome: t(`notReached.${String(p.outcome)}`) })}</>;
    case 'follow_up_assigned':
      return <>{t('event.follow_up_assigned', { name: name(p.toId) })}</>;
    case 'closed':
      return <>{t('event.closed', { accepted: p.customerAccepted ? t('common.yes') : t('common.no') })}</>;
    case 'guidance_step_done':
      return <>{t('event.guidance_step_done', { step: t(`guidance.step.${String(p.step)}`) })}</>;
    case 'chased':
      return <>{t('event.chased', { source: t(`chaseSource.${String(p.source)}`) })}</>;
    default:
      // Work-order lines name the technician, the part and the like from the payload itself.
      return <>{t(`event.${entry.type}`, { ...p, technician: name(p.technicianId), stage: p.stage ? t(`field.stage.${String(p.stage)}`) : '', defaultValue: t('event.other', { type: entry.type }) })}</>;
  }
}

/** Every event of the case: who, when, from which device, what changed. The audit record. */
export function TimelineView({ entries, names }: { entries: TimelineEntry[]; names: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const timeZone = useSettings((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  return (
    <Timeline
      data-testid="timeline"
      items={entries.map((entry) => ({
        key: entry.id,
        color: entry.conflict ? 'red' : 'green',
        children: (
          <div>
            <div>
              <Typography.Text strong>
                <Headline entry={entry} names={names} />
              </Typography.Text>
              {entry.conflict && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  {t('case.conflictTag', { reason: t(`conflictReason.${entry.conflict}`) })}
                </Tag>
              )}
            </div>
            {entry.actorRole === 'system' && entry.type === 'escalated' ? (
              <div>
                <Typography.Text type="secondary">{t('common.labelled', { label: t('actionField.reason') })}</Typography.Text>
                <Typography.Text>{t(`sla.autoReason.${autoRule(entry.payload)}`)}</Typography.Text>
              </div>
            ) : null}
            {(entry.actorRole === 'system' ? [] : (SHOWN_FIELDS[entry.type] ?? []))
              .filter((field) => typeof entry.payload[field] === 'string' && entry.payload[field] !== '')
              .map((field) => (
                <div key={field}>
                  <Typography.Text type="secondary">{t('common.labelled', { label: t(`actionField.${field}`) })}</Typography.Text>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{String(entry.payload[field])}</Typography.Text>
                </div>
              ))}
            <Typography.Text type="secondary">
              {formatDateTime(entry.at, i18n.language, timeZone)} ·{' '}
              {entry.actorRole === 'system'
                ? t('case.byDesk')
                : t('case.by', { actor: entry.actorName, role: t(`role.${entry.actorRole}`), device: entry.deviceDesk ?? t('case.otherDesk') })}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
