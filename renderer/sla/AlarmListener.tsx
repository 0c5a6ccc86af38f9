import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button } from 'antd';
import { call, desk, onDesk } from '../desk/client.js';
import { useNav } from '../app/navStore.js';

/**
 * Due-soon and overdue alarms: an in-app notice everywhere, and a desktop notification in the
 * Electron window (the browser host has no permission to show one, so it stays in-app).
 */
export function AlarmListener() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const go = useNav((s) => s.go);
  // After sign-in, and when a backlog of deadline work is done: what is late or due soon, in one notice.
  useEffect(() => {
    const summarise = () =>
      call('sla.alarms', {})
        .then(({ overdue, dueSoon }) => {
          if (overdue + dueSoon === 0) return;
          notification.warning({
            key: 'alarm-summary',
            message: t('sla.alarm.summary', { overdue, dueSoon }),
            duration: 8,
            btn: (
              <Button size="small" onClick={() => go({ name: 'queue' })}>
                {t('sla.alarm.openQueue')}
              </Button>
            ),
          });
        })
        .catch(() => undefined);
    summarise();
    return onDesk('deadlines.progress', ({ finished }) => finished && summarise());
  }, [t, notification, go]);

  useEffect(
    () =>
      onDesk('alarm', (alarm) => {
        const title = t(`sla.alarm.${alarm.threshold}`, { caseNumber: alarm.caseNumber });
        const description = t('sla.alarm.step', { step: t(`sla.step.${alarm.step}`) });
        notification[alarm.threshold === 'overdue' ? 'error' : 'warning']({
          message: title,
          description,
          duration: 0,
          btn: (
            <Button size="small" onClick={() => go({ name: 'case', id: alarm.caseId })}>
              {t('sla.alarm.open')}
            </Button>
          ),
        });
        if (window.desk === desk && typeof Notification !== 'undefined' && Notification.permission !== 'denied') {
          new Notification(title, { body: description });
        }
      }),
    [t, notification, go],
  );
  return null;
}
