import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, unwrap } from '../../../api/client'
import { useLanguage } from '../../../i18n/useLanguage'
import { metricsKeys } from './metrics-keys'
import type { Window } from './types'

export function topIssuesQueryOptions(window: Window, layer: string, limit: number, lang: string) {
  return queryOptions({
    queryKey: metricsKeys.topIssues(window, layer, limit, lang),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/top-issues', { params: { query: { ...window, layer, limit } } })),
  })
}

/** The top services per area of a layer, with the change from the period before. */
export function useTopIssues(window: Window, layer: string, limit: number) {
  return useQuery(topIssuesQueryOptions(window, layer, limit, useLanguage()))
}
