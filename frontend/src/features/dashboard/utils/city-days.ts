/**
 * Calendar days in the city's time zone, whatever the browser's: a dashboard day starts at the
 * city's midnight (DST included), as the API counts it.
 */

function offsetMs(at: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at))
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'))
  return wall - at
}

/** The instant `isoDate` ("2026-11-01") starts in `zone`, as RFC 3339 in UTC. */
export function startOfDay(isoDate: string, zone: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number]
  const wall = Date.UTC(year, month - 1, day)
  // Twice: the offset at the first guess may be the other side of a DST change.
  const guess = wall - offsetMs(wall, zone)
  return new Date(wall - offsetMs(guess, zone)).toISOString()
}

/** Today's date in `zone` ("2026-12-04"). */
export function todayIn(zone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** The calendar date `days` after `isoDate` (negative: before). */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)
}

export function isIsoDate(value: string | null | undefined): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
}
