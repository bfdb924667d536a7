import { formatCalendarDate, formatInstant } from './dates'

// The test runs in a browser zone far from the city's (vite.config.ts sets TZ=Asia/Tokyo).
const CITY = { zone: 'America/New_York', now: new Date('2025-12-10T12:00:00Z') }

describe('formatInstant', () => {
  it('runs in a browser time zone other than the city’s', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Asia/Tokyo')
  })

  it('shows a time in the city’s zone and says which, in English and Spanish', () => {
    const at = '2025-12-04T19:05:00Z' // 4:05 AM on Dec 5 in Tokyo
    expect(formatInstant(at, 'dateTime', { ...CITY, language: 'en' })).toBe('Dec 4, 2:05 PM EST')
    expect(formatInstant(at, 'dateTime', { ...CITY, language: 'es' })).toBe('4 dic, 14:05 GMT-5')
    expect(formatInstant(at, 'time', { ...CITY, language: 'en' })).toBe('2:05 PM EST')
    expect(formatInstant(at, 'day', { ...CITY, language: 'en' })).toBe('Dec 4, 2025')
    expect(formatInstant(at, 'longDay', { ...CITY, language: 'es' })).toBe('4 de diciembre de 2025')
    expect(formatInstant(at, 'spoken', { ...CITY, language: 'en' })).toBe('Thursday, December 4, 2025 at 2:05 PM EST')
  })

  it('follows daylight saving time and names it', () => {
    expect(formatInstant('2025-07-04T19:05:00Z', 'dateTime', { ...CITY, language: 'en' })).toBe('Jul 4, 3:05 PM EDT')
  })

  it('leaves the current year out of a date and time, the year of the city', () => {
    // 11:30 PM on Dec 31 in the city is already next year in Tokyo and in UTC.
    const newYearsEve = { language: 'en', zone: 'America/New_York', now: new Date('2026-01-01T04:30:00Z') }
    expect(formatInstant('2026-01-01T04:30:00Z', 'dateTime', newYearsEve)).toBe('Dec 31, 11:30 PM EST')
    expect(formatInstant('2024-03-01T15:00:00Z', 'dateTime', { ...CITY, language: 'es' })).toBe('1 mar 2024, 10:00 GMT-5')
  })

  it('still labels the zone while the city’s is not known', () => {
    expect(formatInstant('2025-12-04T19:05:00Z', 'dateTime', { language: 'en', zone: undefined, now: CITY.now })).toBe('Dec 5, 4:05 AM GMT+9')
  })
})

describe('formatCalendarDate', () => {
  it('keeps a calendar date on its day in any zone', () => {
    expect(formatCalendarDate('2026-03-02', 'en')).toBe('Mar 2, 2026')
  })
})
