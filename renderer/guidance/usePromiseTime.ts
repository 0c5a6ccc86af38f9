import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../app/settingsStore.js';
import { DEFAULT_PROMISE_MS, formatPromise } from './promiseTime.js';

/** The time the clerk may promise the next contact, kept current while the screen is open. */
export function usePromiseTime(): string {
  const { t, i18n } = useTranslation();
  const timeZone = useSettings((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return formatPromise(now + DEFAULT_PROMISE_MS, now, i18n.language, timeZone, t('guidance.today'));
}
