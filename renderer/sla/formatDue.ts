import { useTranslation } from 'react-i18next';
import { useSettings } from '../app/settingsStore.js';
import { localDateKey } from '../../shared/caseNumber.js';
import { deskNow } from '../app/deskClock.js';

/** "今天 16:30" / "today 16:30" / "11月24日 09:00": a due or promised time in the branch's time zone. */
export function formatDue(at: number, now: number, locale: string, timeZone: string, today: string): string {
  if (localDateKey(at, timeZone) === localDateKey(now, timeZone)) {
    return `${today} ${new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(at)}`;
  }
  return new Intl.DateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
}

export function useFormatDue(): (at: number) => string {
  const { t, i18n } = useTranslation();
  const timeZone = useSettings((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  return (at: number) => formatDue(at, deskNow(), i18n.language, timeZone, t('guidance.today'));
}
