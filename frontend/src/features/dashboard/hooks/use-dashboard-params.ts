import { useSearchParams } from 'react-router'
import type { Interval, Window } from '../api/types'
import { addDays, isIsoDate, startOfDay, todayIn } from '../utils/city-days'

export type PeriodInterval = Exclude<Interval, 'total'>
export const INTERVALS: readonly PeriodInterval[] = ['hour', 'day', 'week', 'month']
export const DEFAULT_DAYS = 30

/** What the controls hold: calendar days (the last one included), a department, an interval, a layer. */
export type Controls = { from: string; to: string; department: string; interval: PeriodInterval; layer: string }

type Options = { zone: string | undefined; fixedDepartment: string | null; defaultLayer: string; now?: Date }

function controlsFrom(params: URLSearchParams, { zone, fixedDepartment, defaultLayer, now }: Options): Controls {
  const today = todayIn(zone ?? 'UTC', now)
  const to = params.get('to')
  const from = params.get('from')
  const interval = params.get('interval') as PeriodInterval | null
  return {
    to: isIsoDate(to) ? to : today,
    from: isIsoDate(from) ? from : addDays(isIsoDate(to) ? to : today, 1 - DEFAULT_DAYS),
    department: fixedDepartment ?? params.get('department') ?? '',
    interval: interval && INTERVALS.includes(interval) ? interval : 'day',
    layer: params.get('layer') || defaultLayer,
  }
}

/** The API's half-open window `[from, to)`: from the first day's city midnight to the one after the last day. */
export function windowOf(controls: Controls, zone: string): Window | null {
  if (controls.from > controls.to) return null
  const window: Window = { from: startOfDay(controls.from, zone), to: startOfDay(addDays(controls.to, 1), zone) }
  return controls.department ? { ...window, department: controls.department } : window
}

/**
 * The dashboard's controls, kept in the address (a drilled-into list comes back to the same
 * view; a view can be shared). A department manager's department is fixed.
 */
export function useDashboardParams(options: Options) {
  const [params, setParams] = useSearchParams()
  const controls = controlsFrom(params, options)
  const change = (changes: Partial<Controls>) => {
    const next = { ...controls, ...changes }
    setParams(
      (previous) => {
        const kept = new URLSearchParams(previous)
        for (const [name, value] of Object.entries(next)) {
          if (value && !(name === 'department' && options.fixedDepartment)) kept.set(name, value)
          else kept.delete(name)
        }
        return kept
      },
      { replace: true },
    )
  }
  const window = options.zone ? windowOf(controls, options.zone) : null
  return { controls, change, window }
}
