import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spin, Typography } from 'antd';
import { onDesk } from '../desk/client.js';
import type { PushEventOf } from '../../shared/contract.js';

/**
 * Deadline work the desk is catching up on after a long time off (escalations and alarms written in
 * batches in the background): what is done so far, in the top bar, until it is over.
 */
export function CatchUpProgress() {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<PushEventOf<'deadlines.progress'> | null>(null);
  useEffect(() => onDesk('deadlines.progress', (p) => setProgress(p.finished ? null : p)), []);
  if (!progress) return null;
  return (
    <Typography.Text type="secondary" data-testid="catch-up-progress" style={{ whiteSpace: 'nowrap' }}>
      <Spin size="small" style={{ marginRight: 8 }} />
      {t('sla.catchUp', { escalated: progress.escalated.toLocaleString(), alarms: progress.alarms.toLocaleString() })}
    </Typography.Text>
  );
}
