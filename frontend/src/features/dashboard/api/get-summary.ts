import { queryOptions, useQuery } from '@tanstack/react-query'
import { useLanguage } from '../../../i18n/useLanguage'
import { api, unwrap } from '../../../api/client'
import { metricsKeys } from './metrics-keys'
import type { Window } from './types'

export function summaryQueryOptions(window: Window, lang: string) {
  return queryOptions({
    queryKey: metricsKeys.summary(window, lang),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/summary', { params: { query: window } })),
  })
}

/** The headline figures of the window (`GET /api/v1/metrics/summary`). */
export function useSummary(window: Window) {
  return useQuery(summaryQueryOptions(window, useLanguage()))
}
