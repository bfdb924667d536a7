/**
 * Dates and times as the city reads them: in the city's time zone (the API's `GET /site`),
 * whatever the browser's, and every time says which zone it is in ("Dec 4, 2:05 PM EST").
 * - `dateTime`: dense staff screens; the year only when it is not the current one.
 * - `time`: a time of day today.
 * - `day`, `longDay`: a day (with its year); `longDay` for residents, month in words.
 * - `spoken`: read out to a caller, weekday and year included.
 */
export type DateStyle = 'dateTime' | 'time' | 'day' | 'longDay' | 'spoken'

const YEAR = { year: 'numeric' } as const
const STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  time: { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  day: { ...YEAR, month: 'short', day: 'numeric' },
  longDay: { ...YEAR, month: 'long', day: 'numeric' },
  spoken: { ...YEAR, weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
}

/** `zone` undefined (not known yet): the browser's, still labelled. */
export type DateContext = { language: string; zone: string | undefined; now?: Date }

const yearIn = (date: Date, zone: string | undefined) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: zone }).format(date)

export function formatInstant(iso: string, style: DateStyle, { language, zone, now = new Date() }: DateContext): string {
  const date = new Date(iso)
  const options: Intl.DateTimeFormatOptions = { ...STYLES[style], timeZone: zone }
  if (style === 'dateTime' && yearIn(date, zone) !== yearIn(now, zone)) options.year = 'numeric'
  return new Intl.DateTimeFormat(language, options).format(date)
}

/** A calendar date with no time ("2026-03-02", such as a review date): the same day everywhere. */
export function formatCalendarDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`))
}
