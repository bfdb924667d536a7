import { queryOptions, useQuery } from '@tanstack/react-query'
import { useLanguage } from '../../../i18n/useLanguage'
import { metricsKeys } from './metrics-keys'
import { getJson } from './metrics-request'
import type { OpenByArea } from './types'

export function openByAreaQueryOptions(layer: string, department: string | undefined, lang: string) {
  return queryOptions({
    queryKey: metricsKeys.openByArea(layer, department, lang),
    queryFn: () => getJson<OpenByArea>('/api/v1/metrics/open-by-area', { layer, department }),
  })
}

/** The requests open now in each area of a layer (no window: a backlog is a now). */
export function useOpenByArea(layer: string, department: string | undefined) {
  return useQuery(openByAreaQueryOptions(layer, department, useLanguage()))
}
