import { useQuery } from '@tanstack/react-query'
import { metricsQueries } from '../../../api/queries/metrics'
import { useLanguage } from '../../../i18n/useLanguage'

/** The requests open now in each area of a layer (no window: a backlog is a now). */
export function useOpenByArea(layer: string, department: string | undefined) {
  return useQuery(metricsQueries.openByArea(layer, department, useLanguage()))
}
