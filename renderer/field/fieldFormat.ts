import { instantOf } from '../../shared/sla/time.js';
import type { CatalogueNames } from '../../shared/fieldCatalogue.js';
import type { Locale } from '../../shared/locale.js';

/** Fen as the customer reads money: ¥68.00 (the desk's language decides the separators). */
export function formatMoney(fen: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(fen / 100);
}

/** An appointment window on the branch's clock: "12月2日 14:00–16:00". */
export function formatWindow(startMs: number, endMs: number, locale: string, timeZone: string): string {
  const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', weekday: 'short', timeZone }).format(startMs);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
  return `${day} ${time.format(startMs)}–${time.format(endMs)}`;
}

export function formatClock(ms: number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms);
}

export const nameIn = (names: CatalogueNames, locale: string): string => names[(locale in names ? locale : 'zh-CN') as Locale];

/** What a datetime-local field says ("2026-12-02T14:00"), read on the branch's clock, not the machine's. */
export function branchInstant(local: string, timeZone: string): number {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(local);
  return match ? instantOf(match[1]!, Number(match[2]) * 60 + Number(match[3]), timeZone) : NaN;
}
