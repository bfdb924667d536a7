import { queryOptions } from '@tanstack/react-query'
import { api, unwrap, type components } from '../client'

export type CaseType = components['schemas']['CaseType']

export const caseKeys = {
  all: ['cases'] as const,
  list: (types: readonly CaseType[], limit: number) => [...caseKeys.all, 'list', types, limit] as const,
}

export const caseQueries = {
  /** The newest cases of some types; the API scopes them to what the user may see. */
  list: (types: readonly CaseType[], limit: number) =>
    queryOptions({
      queryKey: caseKeys.list(types, limit),
      queryFn: () => unwrap(api.GET('/api/v1/cases', { params: { query: { type: [...types], limit } } })),
    }),
}
