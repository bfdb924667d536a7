import { queryOptions, useQuery } from '@tanstack/react-query'
import { useLanguage } from '../../../i18n/useLanguage'
import { metricsKeys } from './metrics-keys'
import { getCsv, getJson, type QueryParams } from './metrics-request'
import type { TopIssues, Window } from './types'

export const TOP_ISSUES_PATH = '/api/v1/metrics/top-issues'

export function topIssuesParams(window: Window, layer: string, limit: number): QueryParams {
  return { ...window, layer, limit }
}

export function topIssuesQueryOptions(window: Window, layer: string, limit: number, lang: string) {
  return queryOptions({
    queryKey: metricsKeys.topIssues(window, layer, limit, lang),
    queryFn: () => getJson<TopIssues>(TOP_ISSUES_PATH, topIssuesParams(window, layer, limit)),
  })
}

/** The top services per area of a layer, with the change from the period before. */
export function useTopIssues(window: Window, layer: string, limit: number) {
  return useQuery(topIssuesQueryOptions(window, layer, limit, useLanguage()))
}

/** The same answer as the API's CSV. */
export function fetchTopIssuesCsv(window: Window, layer: string, limit: number): Promise<Blob> {
  return getCsv(TOP_ISSUES_PATH, topIssuesParams(window, layer, limit))
}
