import { useTranslation } from 'react-i18next'
import { formatCalendarDate, formatInstant, type DateStyle } from './dates'
import { useSite } from './useSite'

/** The one date formatter of every screen: the UI's language, the city's time zone. */
export function useDates() {
  const { i18n } = useTranslation()
  const zone = useSite().data?.time_zone
  const context = { language: i18n.language, zone }
  const format = (style: DateStyle) => (iso: string | null | undefined) => (iso ? formatInstant(iso, style, context) : '—')
  return {
    dateTime: format('dateTime'),
    day: format('day'),
    longDay: format('longDay'),
    time: format('time'),
    spoken: format('spoken'),
    calendarDate: (isoDate: string) => formatCalendarDate(isoDate, i18n.language),
  }
}
