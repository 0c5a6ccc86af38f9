import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Tooltip } from 'antd';
import { deskHealth, onDesk } from '../desk/client.js';
import { useSync } from './syncStore.js';
import { useFormatDue } from '../sla/formatDue.js';

/** Online/offline, events waiting to go up, last successful sync; a click syncs now. */
export function SyncIndicator() {
  const { t } = useTranslation();
  const { status, refresh, syncNow } = useSync();
  const answering = deskHealth((s) => s.answering);
  const format = useFormatDue();
  useEffect(() => {
    void refresh().catch(() => undefined);
    const timer = setInterval(() => void refresh().catch(() => undefined), 15_000);
    const off = onDesk('sync.done', () => void refresh().catch(() => undefined));
    return () => {
      clearInterval(timer);
      off();
    };
  }, [refresh]);
  if (!status) return null;
  // A desk that does not answer cannot vouch for anything it said before, "synced" least of all.
  if (!answering)
    return (
      <Button size="small" type="text" data-testid="sync-indicator" onClick={() => void refresh().catch(() => undefined)}>
        <Badge status="error" text={t('sync.deskDown')} />
      </Button>
    );
  const label = !status.configured
    ? t('sync.notConfigured')
    : status.syncing
      ? t('sync.syncing')
      : status.online
        ? status.waiting
          ? t('sync.waiting', { count: status.waiting })
          : t('sync.synced', { time: status.lastSyncAt ? format(status.lastSyncAt) : '—' })
        : t('sync.offline', { count: status.waiting });
  const colour = !status.configured ? 'default' : status.online ? (status.waiting ? 'processing' : 'success') : 'warning';
  return (
    <Tooltip title={[status.lastError && !status.online && t('sync.lastFailed'), status.refused.length > 0 && t('sync.refusedCount', { count: status.refused.length }), status.skewWarning && t('sync.skew'), status.attachmentsUp > 0 && t('sync.attachmentsUp', { count: status.attachmentsUp }), status.attachmentsDown > 0 && t('sync.attachmentsDown', { count: status.attachmentsDown })].filter(Boolean).join(' · ') || undefined}>
      <Button size="small" type="text" data-testid="sync-indicator" disabled={!status.configured || status.syncing} onClick={() => void syncNow().catch(() => undefined)}>
        <Badge status={colour} text={label} />
        {status.attachmentsUp + status.attachmentsDown > 0 && (
          <span className="sync-attachments" data-testid="sync-attachments" style={{ marginLeft: 6, color: '#888' }}>
            {[status.attachmentsUp > 0 && t('sync.attachmentsUp', { count: status.attachmentsUp }), status.attachmentsDown > 0 && t('sync.attachmentsDown', { count: status.attachmentsDown })].filter(Boolean).join(' · ')}
          </span>
        )}
        {status.refused.length > 0 && <Badge count={status.refused.length} style={{ marginLeft: 6 }} />}
      </Button>
    </Tooltip>
  );
}
