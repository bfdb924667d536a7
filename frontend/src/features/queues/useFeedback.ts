import { useQuery } from '@tanstack/react-query'
import { api, unwrap, type components } from '../../api/client'
import { POLL_MS } from './useQueue'

export type Case = components['schemas']['CaseOut']

export const FEEDBACK_TYPES: components['schemas']['CaseType'][] = ['complaint', 'praise']

/**
 * The newest complaints and praise. The API scopes them: department staff get those about their
 * department (naming it, or about its requests); the contact center gets every department's.
 */
export function useFeedback() {
  return useQuery({
    queryKey: ['cases', 'feedback'],
    queryFn: () => unwrap(api.GET('/api/v1/cases', { params: { query: { type: FEEDBACK_TYPES, limit: 100 } } })),
    select: (list) => list.items,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  })
}
