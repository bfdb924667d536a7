import type { SeriesKind } from '../api/types'
import type { Unit } from '../utils/format'

/**
 * The dashboard's series charts: what each asks the API for and how it draws it. `perInterval`
 * charts follow the interval picked; the others sum the whole window (`interval=total`), one
 * bar per group.
 */
export type ChartSpec = {
  id: string
  kind: SeriesKind
  measure: string
  groupBy?: string
  perInterval: boolean
  type: 'line' | 'bar'
  unit: Unit
  stacked?: boolean
  /** A goal drawn as a dashed line (a share, such as 0.75). */
  goal?: number
}

export const FCR_GOAL = 0.75
export const CALLS_GOAL = 0.9

export const CHARTS: readonly ChartSpec[] = [
  { id: 'volume-by-channel', kind: 'contacts', measure: 'count', groupBy: 'channel', perInterval: true, type: 'bar', unit: 'count', stacked: true },
  { id: 'first-contact-resolution', kind: 'contacts', measure: 'fcr_rate', perInterval: true, type: 'line', unit: 'rate', goal: FCR_GOAL },
  { id: 'sla-on-time', kind: 'sla', measure: 'on_time_rate', groupBy: 'department', perInterval: false, type: 'bar', unit: 'rate' },
  { id: 'time-to-close', kind: 'sla', measure: 'hours_to_close_p50', groupBy: 'department', perInterval: false, type: 'bar', unit: 'hours' },
  { id: 'calls-within-threshold', kind: 'calls', measure: 'answered_within_threshold_rate', groupBy: 'hour_of_day', perInterval: false, type: 'bar', unit: 'rate', goal: CALLS_GOAL },
  { id: 'csat-by-department', kind: 'csat', measure: 'satisfied_rate', groupBy: 'department', perInterval: false, type: 'bar', unit: 'rate' },
  { id: 'campaign-tags', kind: 'contacts', measure: 'count', groupBy: 'tag', perInterval: true, type: 'bar', unit: 'count', stacked: true },
]
