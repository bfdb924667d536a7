import type { OpenByArea, SeriesAnswer, Summary, TopIssues } from './api/types'

export const SUMMARY: Summary = {
  from: '2026-11-01T00:00:00-04:00',
  to: '2026-12-01T00:00:00-05:00',
  department: null,
  time_zone: 'America/New_York',
  contacts: {
    total: 3,
    by_channel: { phone: 2, walk_in: 1 },
    by_type: { request: 3 },
    first_contact_resolution_rate: 2 / 3,
    referrals_by_target: {},
    average_handle_seconds: 240,
  },
  requests: { opened: 12, closed: 7, backlog: 40, overdue: 4, sla_on_time_rate: 0.8, hours_to_close: { p50: 30.5, p90: 100 } },
  calls: {
    offered: 10,
    answered: 8,
    abandoned: 2,
    answered_within_threshold: 6,
    answered_within_threshold_rate: 0.75,
    threshold_seconds: 25,
    average_speed_of_answer_s: 21,
    abandonment_rate: 0.2,
  },
  surveys: { sent: 9, answered: 4, average_score: 4.25, satisfied_rate: 0.75 },
}

const DAYS = ['2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00']

/** What a series endpoint answers for the query it got. */
export function seriesFor(url: URL): SeriesAnswer {
  const measure = url.searchParams.get('measure') ?? 'count'
  const groupBy = url.searchParams.get('group_by')
  const interval = (url.searchParams.get('interval') ?? 'day') as SeriesAnswer['interval']
  const buckets = interval === 'total' ? [DAYS[0]!] : DAYS
  const window = { from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '', time_zone: 'America/New_York', truncated: false }
  const answer = (series: SeriesAnswer['series']): SeriesAnswer => ({ ...window, interval, group_by: groupBy, measure, buckets, series })
  if (groupBy === 'channel')
    return answer([
      { key: 'phone', label: 'Phone', values: [2, 0] },
      { key: 'walk_in', label: 'Walk-in', values: [0, 1] },
    ])
  if (groupBy === 'tag') return { ...answer([{ key: 'covid-19', label: 'covid-19', values: [1, 4] }]), truncated: true }
  if (groupBy === 'department')
    return answer([
      { key: 'transportation', label: 'Transportation', values: [measure.endsWith('_rate') ? 0.5 : 48] },
      { key: 'sanitation', label: 'Sanitation', values: [null] },
    ])
  if (groupBy === 'hour_of_day') return answer([{ key: '9', label: '09:00', values: [0.95] }])
  return answer([{ key: 'all', label: 'All contacts', values: [2 / 3, null] }])
}

export const CSV = 'bucket,key,label,value\r\n2026-11-01T04:00:00Z,phone,Phone,2\r\n'

export const TOP_ISSUES: TopIssues = {
  layer: 'neighborhoods',
  from: '2026-11-01T00:00:00-04:00',
  to: '2026-12-01T00:00:00-05:00',
  previous_from: '2026-10-02T00:00:00-04:00',
  previous_to: '2026-11-01T00:00:00-04:00',
  areas: [
    {
      code: 'Canton',
      name: 'Canton',
      issues: [
        { service_code: 'trm-pothole-repair', service_name: 'Pothole repair', count: 5, previous_count: 2, change: 3 },
        { service_code: 'sw-dirty-street', service_name: 'Dirty street', count: 1, previous_count: 1, change: 0 },
      ],
    },
    { code: 'Fells Point', name: 'Fells Point', issues: [] },
  ],
}

export const OPEN_BY_AREA: OpenByArea = {
  layer: 'neighborhoods',
  areas: [
    { code: 'Canton', name: 'Canton', open: 7 },
    { code: 'Fells Point', name: 'Fells Point', open: 0 },
    { code: 'Highlandtown', name: 'Highlandtown', open: 2 },
  ],
  outside: 0,
}

const square = (x: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[x, 39.28], [x + 0.01, 39.28], [x + 0.01, 39.29], [x, 39.29], [x, 39.28]]],
})

export const SHAPES = {
  type: 'FeatureCollection',
  features: OPEN_BY_AREA.areas.map((area, i) => ({ type: 'Feature', properties: { code: area.code, name: area.name }, geometry: square(-76.6 + i / 100) })),
}

export const LAYERS = {
  items: [
    { slug: 'baltimore-city', kind: 'city', role: 'served', name: 'Baltimore City', version: 1, area_count: 1 },
    { slug: 'neighborhoods', kind: 'neighborhood', role: 'info', name: 'Neighborhoods', version: 1, area_count: 3 },
    { slug: 'council-districts', kind: 'council-district', role: 'info', name: 'Council districts', version: 1, area_count: 14 },
  ],
}

export const DEPARTMENTS = {
  items: [
    { code: 'transportation', name: 'Transportation' },
    { code: 'sanitation', name: 'Sanitation' },
  ],
}

export const me = (role: string, tier: string | null = null, department: string | null = null) => ({
  id: '00000000-0000-0000-0000-000000000009',
  email: `${role}@example.org`,
  display_name: `Demo ${role}`,
  role,
  department,
  tier,
})
