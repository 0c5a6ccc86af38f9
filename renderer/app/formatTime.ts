/** Date and time as the branch reads them: its own time zone, the UI's language. */
export function formatDateTime(iso: string, locale: string, timeZone: string, timeStyle: 'short' | 'medium' = 'medium'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle, timeZone }).format(new Date(iso));
}
