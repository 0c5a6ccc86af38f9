import { useSettings } from '../app/settingsStore.js';
import { useTranslation } from 'react-i18next';
import { formatPromise } from '../guidance/promiseTime.js';

/** "今天 16:30" / "11月24日 10:00" in the branch's time zone. */
export function useFormatDue(): (at: number) => string {
  const { t, i18n } = useTranslation();
  const timeZone = useSettings((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  return (at: number) => formatPromise(at, Date.now(), i18n.language, timeZone, t('guidance.today'));
}
