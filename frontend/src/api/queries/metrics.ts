import { queryOptions } from '@tanstack/react-query'
import { api, unwrap, type components } from '../client'
import { getJson, type QueryParams } from '../metrics-request'

/**
 * The metrics API's answers (GET /api/v1/metrics/…). Rates are fractions from 0 to 1, and null
 * when there was nothing to divide.
 */
export type Interval = 'hour' | 'day' | 'week' | 'month' | 'total'
export type SeriesKind = 'contacts' | 'requests' | 'sla' | 'calls' | 'csat'

export type Series = components['schemas']['LineOut']
export type SeriesAnswer = components['schemas']['SeriesOut']
export type Summary = components['schemas']['SummaryOut']

export type TopIssues = components['schemas']['TopIssuesOut']
export type OpenByArea = components['schemas']['OpenByAreaOut']

/** What every metrics query shares: the window ([from, to), RFC 3339) and the department. */
export type Window = { from: string; to: string; department?: string }

/** One series as the API is asked for it. */
export type SeriesQuery = Window & { kind: SeriesKind; interval: Interval; group_by?: string; measure: string }

export function seriesPath(query: SeriesQuery): string {
  return `/api/v1/metrics/${query.kind}`
}

/** The query string of a series: the same for its chart and its CSV. */
export function seriesParams({ from, to, department, interval, group_by, measure }: SeriesQuery): QueryParams {
  return { from, to, department, interval, group_by, measure }
}

/** Every metrics query's key starts with `metrics`; the UI language is in each key whose answer names things. */
export const metricsKeys = {
  all: ['metrics'] as const,
  summary: (window: Window, lang: string) => [...metricsKeys.all, 'summary', window, lang] as const,
  series: (query: SeriesQuery, lang: string) => [...metricsKeys.all, 'series', query, lang] as const,
  topIssues: (window: Window, layer: string, limit: number, lang: string) => [...metricsKeys.all, 'top-issues', window, layer, limit, lang] as const,
  openByArea: (layer: string, department: string | undefined, lang: string) => [...metricsKeys.all, 'open-by-area', layer, department, lang] as const,
}

export const metricsQueries = {
  /** The headline figures of the window. */
  summary: (window: Window, lang: string) =>
    queryOptions({
      queryKey: metricsKeys.summary(window, lang),
      queryFn: () => unwrap(api.GET('/api/v1/metrics/summary', { params: { query: window } })),
    }),
  /** A chart-ready series (`GET /api/v1/metrics/contacts|requests|sla|calls`). */
  series: (query: SeriesQuery, lang: string) =>
    queryOptions({
      queryKey: metricsKeys.series(query, lang),
      queryFn: () => getJson<SeriesAnswer>(seriesPath(query), seriesParams(query)),
    }),
  /** The top services per area of a layer, with the change from the period before. */
  topIssues: (window: Window, layer: string, limit: number, lang: string) =>
    queryOptions({
      queryKey: metricsKeys.topIssues(window, layer, limit, lang),
      queryFn: () => unwrap(api.GET('/api/v1/metrics/top-issues', { params: { query: { ...window, layer, limit } } })),
    }),
  /** The requests open now in each area of a layer (no window: a backlog is a now). */
  openByArea: (layer: string, department: string | undefined, lang: string) =>
    queryOptions({
      queryKey: metricsKeys.openByArea(layer, department, lang),
      queryFn: () => unwrap(api.GET('/api/v1/metrics/open-by-area', { params: { query: { layer, department } } })),
    }),
}
