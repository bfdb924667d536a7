/** A date (and time) as the agent reads it aloud, in the UI's language. */
export function formatDate(iso: string, language: string, withTime = false): string {
  const options: Intl.DateTimeFormatOptions = withTime
    ? { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' }
    : { year: 'numeric', month: 'short', day: 'numeric' }
  return new Intl.DateTimeFormat(language, options).format(new Date(iso))
}
