import { useTranslation } from 'react-i18next';
import { Space, Tag } from 'antd';
import type { CaseSummary } from '../../shared/contract.js';

/** Status, grade, major, repeat and conflicts at a glance; calm colours except for what is urgent. */
export function CaseTags({ summary }: { summary: Pick<CaseSummary, 'status' | 'severity' | 'major' | 'repeat' | 'conflictCount' | 'chaseCount'> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={summary.status === 'closed' ? 'default' : 'cyan'}>{t(`status.${summary.status}`)}</Tag>
      {summary.severity !== null && <Tag color={summary.severity === 1 ? 'volcano' : 'gold'}>{t(`severity.${summary.severity}`)}</Tag>}
      {summary.major && <Tag color="red">{t('major.major')}</Tag>}
      {summary.repeat && <Tag color="purple">{t('queue.repeat')}</Tag>}
      {summary.chaseCount > 0 && <Tag color="orange">{t('queue.chased', { count: summary.chaseCount })}</Tag>}
      {summary.conflictCount > 0 && <Tag color="red">{t('queue.conflict')}</Tag>}
    </Space>
  );
}
