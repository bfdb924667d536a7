import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../client'

/** `active`: what a new request may be filed under; `all`: every service a request may name, retired ones too. */
export type ServiceScope = 'active' | 'all'

export const serviceKeys = {
  all: ['services'] as const,
  list: (scope: ServiceScope, lang: string) => [...serviceKeys.all, 'list', scope, lang] as const,
}

export const serviceQueries = {
  list: (scope: ServiceScope, lang: string) =>
    queryOptions({
      queryKey: serviceKeys.list(scope, lang),
      queryFn: () => unwrap(api.GET('/api/v1/services', { params: { query: { include_inactive: scope === 'all' || undefined } } })),
      staleTime: 10 * 60_000,
    }),
}
