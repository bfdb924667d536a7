import type { Interval } from '../api/types'

/** How a measure reads: a share, a count, hours, seconds or a survey score (1 to 5). */
export type Unit = 'rate' | 'count' | 'hours' | 'seconds' | 'score'

export function formatValue(value: number | null | undefined, unit: Unit, language: string): string {
  if (value === null || value === undefined) return '—'
  switch (unit) {
    case 'rate':
      return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value)
    case 'count':
      return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value)
    case 'hours':
      return new Intl.NumberFormat(language, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(value)
    case 'seconds':
      return new Intl.NumberFormat(language, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 0 }).format(value)
    case 'score':
      return `${new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} / 5`
  }
}

const BUCKET_STYLES: Record<Exclude<Interval, 'total'>, Intl.DateTimeFormatOptions> = {
  hour: { month: 'short', day: 'numeric', hour: 'numeric' },
  day: { month: 'short', day: 'numeric' },
  week: { month: 'short', day: 'numeric' },
  month: { month: 'short', year: 'numeric' },
}

/** A bucket's start as the city reads it (a week by its first day). */
export function formatBucket(iso: string, interval: Interval | string, language: string, zone: string | undefined): string {
  if (interval === 'total') return ''
  const style = BUCKET_STYLES[interval as Exclude<Interval, 'total'>] ?? BUCKET_STYLES.day
  return new Intl.DateTimeFormat(language, { ...style, timeZone: zone }).format(new Date(iso))
}
