import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, unwrap } from '../../../api/client'
import { useLanguage } from '../../../i18n/useLanguage'
import { metricsKeys } from './metrics-keys'

export function openByAreaQueryOptions(layer: string, department: string | undefined, lang: string) {
  return queryOptions({
    queryKey: metricsKeys.openByArea(layer, department, lang),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/open-by-area', { params: { query: { layer, department } } })),
  })
}

/** The requests open now in each area of a layer (no window: a backlog is a now). */
export function useOpenByArea(layer: string, department: string | undefined) {
  return useQuery(openByAreaQueryOptions(layer, department, useLanguage()))
}
