import type { TFunction } from 'i18next';
import type { ClockInfo } from '../../shared/contract.js';

/** Working time in words a clerk can repeat: "还剩 1 小时 12 分", "逾期 2 个工作日". */
export function workingTimeText(t: TFunction, minutes: number, dayMinutes: number): string {
  const abs = Math.abs(minutes);
  if (abs >= dayMinutes) {
    const days = Math.round((abs / dayMinutes) * 10) / 10;
    return t('sla.workingDays', { count: days });
  }
  const h = Math.floor(abs / 60);
  const m = Math.round(abs % 60);
  return h > 0 ? t('sla.hoursMinutes', { h, m }) : t('sla.minutes', { m });
}

export function clockText(t: TFunction, clock: ClockInfo, dueText: string): string {
  const step = t(`sla.step.${clock.step}`);
  if (clock.state === 'paused') return t('sla.paused', { step });
  if (clock.state === 'overdue') return t('sla.overdueBy', { step, time: workingTimeText(t, clock.minutesLeft, clock.dayMinutes), due: dueText });
  return t('sla.left', { step, time: workingTimeText(t, clock.minutesLeft, clock.dayMinutes), due: dueText });
}

export const STATE_COLOURS = { ok: 'green', due_soon: 'orange', overdue: 'red', paused: 'default' } as const;
