import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../client'

export const addressKeys = {
  all: ['addresses'] as const,
  search: (q: string, limit: number) => [...addressKeys.all, 'search', q, limit] as const,
}

export const addressQueries = {
  search: (q: string, limit: number) =>
    queryOptions({
      queryKey: addressKeys.search(q, limit),
      queryFn: () => unwrap(api.GET('/api/v1/addresses', { params: { query: { q, limit } } })),
    }),
}
