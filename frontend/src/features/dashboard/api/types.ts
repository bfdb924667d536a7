import type { components } from '../../../api/client'

/**
 * The metrics API's answers (GET /api/v1/metrics/…). Rates are fractions from 0 to 1, and null
 * when there was nothing to divide.
 */
export type Interval = 'hour' | 'day' | 'week' | 'month' | 'total'
export type SeriesKind = 'contacts' | 'requests' | 'sla' | 'calls'

export type Series = components['schemas']['LineOut']
export type SeriesAnswer = components['schemas']['SeriesOut']
export type Summary = components['schemas']['SummaryOut']

export type TopIssues = components['schemas']['TopIssuesOut']
export type OpenByArea = components['schemas']['OpenByAreaOut']

/** What every metrics query shares: the window ([from, to), RFC 3339) and the department. */
export type Window = { from: string; to: string; department?: string }

/** One series as the API is asked for it. */
export type SeriesQuery = Window & { kind: SeriesKind; interval: Interval; group_by?: string; measure: string }
