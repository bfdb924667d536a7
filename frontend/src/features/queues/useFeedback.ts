import { useQuery } from '@tanstack/react-query'
import type { components } from '../../api/client'
import { caseQueries } from '../../api/queries/cases'
import { POLL_MS } from './useQueue'

export type Case = components['schemas']['CaseOut']

export const FEEDBACK_TYPES: readonly components['schemas']['CaseType'][] = ['complaint', 'praise']
const FEEDBACK_LIMIT = 100

/**
 * The newest complaints and praise. The API scopes them: department staff get those about their
 * department (naming it, or about its requests); the contact center gets every department's.
 */
export function useFeedback() {
  return useQuery({
    ...caseQueries.list(FEEDBACK_TYPES, FEEDBACK_LIMIT),
    select: (list) => list.items,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  })
}
