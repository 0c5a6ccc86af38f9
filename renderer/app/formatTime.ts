/** Date and time as the branch reads them: its own time zone, the UI's language. */
export function formatDateTime(iso: string, locale: string, timeZone: string, timeStyle: 'short' | 'medium' = 'medium'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle, timeZone }).format(new Date(iso));
}

/** A time zone as people name it ("中国标准时间", "China Standard Time"), not its IANA id. */
export function timeZoneName(timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(0).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}
