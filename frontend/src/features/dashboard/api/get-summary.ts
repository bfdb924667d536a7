import { useQuery } from '@tanstack/react-query'
import { metricsQueries } from '../../../api/queries/metrics'
import { useLanguage } from '../../../i18n/useLanguage'
import type { Window } from './types'

/** The headline figures of the window (`GET /api/v1/metrics/summary`). */
export function useSummary(window: Window) {
  return useQuery(metricsQueries.summary(window, useLanguage()))
}
