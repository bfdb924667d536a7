/**
 * The metrics API's answers (GET /api/v1/metrics/…). Rates are fractions from 0 to 1, and null
 * when there was nothing to divide.
 */
export type Interval = 'hour' | 'day' | 'week' | 'month' | 'total'
export type SeriesKind = 'contacts' | 'requests' | 'sla' | 'calls'

export type Series = { key: string; label: string; values: (number | null)[] }
export type SeriesAnswer = { interval: Interval; group_by: string | null; measure: string; buckets: string[]; series: Series[] }

export type Summary = {
  from: string
  to: string
  department?: string | null
  time_zone?: string
  contacts: {
    total: number
    by_channel: Record<string, number>
    by_type: Record<string, number>
    first_contact_resolution_rate: number | null
    referrals_by_target: Record<string, number>
    average_handle_seconds: number | null
  }
  requests: {
    opened: number
    closed: number
    backlog: number
    overdue: number
    sla_on_time_rate: number | null
    hours_to_close: { p50: number | null; p90: number | null }
  }
  /** Null for one department's figures: calls belong to the contact center. */
  calls: {
    offered: number
    answered: number
    abandoned: number
    answered_within_threshold_rate: number | null
    threshold_seconds: number
    average_speed_of_answer_s: number | null
    abandonment_rate: number | null
  } | null
}

export type TopIssue = { service_code: string; service_name: string; count: number; previous_count: number; change: number | null }
export type TopIssues = { layer: string; areas: { code: string; name: string; issues: TopIssue[] }[] }

export type OpenByArea = { layer: string; areas: { code: string; name: string; open: number }[] }

/** What every metrics query shares: the window ([from, to), RFC 3339) and the department. */
export type Window = { from: string; to: string; department?: string }

/** One series as the API is asked for it. */
export type SeriesQuery = Window & { kind: SeriesKind; interval: Interval; group_by?: string; measure: string }
