import { queryOptions, useQuery } from '@tanstack/react-query'
import { useLanguage } from '../../../i18n/useLanguage'
import { metricsKeys } from './metrics-keys'
import { getJson } from './metrics-request'
import type { Summary, Window } from './types'

export function summaryQueryOptions(window: Window, lang: string) {
  return queryOptions({
    queryKey: metricsKeys.summary(window, lang),
    queryFn: () => getJson<Summary>('/api/v1/metrics/summary', { ...window }),
  })
}

/** The headline figures of the window (`GET /api/v1/metrics/summary`). */
export function useSummary(window: Window) {
  return useQuery(summaryQueryOptions(window, useLanguage()))
}
