import { queryOptions, useQuery } from '@tanstack/react-query'
import { useLanguage } from '../../../i18n/useLanguage'
import { metricsKeys } from './metrics-keys'
import { getCsv, getJson, type QueryParams } from './metrics-request'
import type { SeriesAnswer, SeriesQuery } from './types'

export function seriesPath(query: SeriesQuery): string {
  return `/api/v1/metrics/${query.kind}`
}

/** The query string of a series: the same for its chart and its CSV. */
export function seriesParams({ from, to, department, interval, group_by, measure }: SeriesQuery): QueryParams {
  return { from, to, department, interval, group_by, measure }
}

export function seriesQueryOptions(query: SeriesQuery, lang: string) {
  return queryOptions({
    queryKey: metricsKeys.series(query, lang),
    queryFn: () => getJson<SeriesAnswer>(seriesPath(query), seriesParams(query)),
  })
}

/** A chart-ready series (`GET /api/v1/metrics/contacts|requests|sla|calls`). */
export function useSeries(query: SeriesQuery) {
  return useQuery(seriesQueryOptions(query, useLanguage()))
}

/** The same series as the API's CSV (header `bucket,key,label,value`). */
export function fetchSeriesCsv(query: SeriesQuery): Promise<Blob> {
  return getCsv(seriesPath(query), seriesParams(query))
}
