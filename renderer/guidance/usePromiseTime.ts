import { useEffect, useState } from 'react';
import { call } from '../desk/client.js';
import { useFormatDue } from '../sla/formatDue.js';

const REFRESH_MS = 60_000;

/**
 * The time a clerk may promise for the next contact: the policy's contact limit from now, in the
 * branch's working calendar, computed by the desk (never typed by hand).
 */
export function usePromiseTime(): string {
  const format = useFormatDue();
  const [at, setAt] = useState<number | null>(null);
  useEffect(() => {
    const load = () => void call('sla.promise', {}).then((r) => setAt(r.at)).catch(() => undefined);
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return at === null ? '' : format(at);
}
