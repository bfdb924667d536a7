import { useQuery } from '@tanstack/react-query'
import { metricsQueries } from '../../../api/queries/metrics'
import { useLanguage } from '../../../i18n/useLanguage'
import type { Window } from './types'

/** The top services per area of a layer, with the change from the period before. */
export function useTopIssues(window: Window, layer: string, limit: number) {
  return useQuery(metricsQueries.topIssues(window, layer, limit, useLanguage()))
}
