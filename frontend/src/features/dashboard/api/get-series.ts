import { useQuery } from '@tanstack/react-query'
import { getCsv } from '../../../api/metrics-request'
import { metricsQueries, seriesParams, seriesPath } from '../../../api/queries/metrics'
import { useLanguage } from '../../../i18n/useLanguage'
import type { SeriesQuery } from './types'

/** A chart-ready series (`GET /api/v1/metrics/contacts|requests|sla|calls`). */
export function useSeries(query: SeriesQuery) {
  return useQuery(metricsQueries.series(query, useLanguage()))
}

/** The same series as the API's CSV (header `bucket,key,label,value`). */
export function fetchSeriesCsv(query: SeriesQuery): Promise<Blob> {
  return getCsv(seriesPath(query), seriesParams(query))
}
