/** "今天 16:30" / "today 16:30" / "11月24日 09:00", in the branch's time zone. */
export function formatPromise(at: number, now: number, locale: string, timeZone: string, today: string): string {
  const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
  if (day(at) === day(now)) return `${today} ${time}`;
  return new Intl.DateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
}
