import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../client'

/** Every input that changes the answer is in the key: a 5-result picker and a 50-result list never share a cache entry. */
export const residentKeys = {
  all: ['residents'] as const,
  searches: () => [...residentKeys.all, 'search'] as const,
  search: (q: string, limit: number) => [...residentKeys.searches(), q, limit] as const,
  details: () => [...residentKeys.all, 'detail'] as const,
  detail: (id: string) => [...residentKeys.details(), id] as const,
}

export const residentQueries = {
  search: (q: string, limit: number) =>
    queryOptions({
      queryKey: residentKeys.search(q, limit),
      queryFn: () => unwrap(api.GET('/api/v1/residents', { params: { query: { q, limit } } })),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: residentKeys.detail(id),
      queryFn: () => unwrap(api.GET('/api/v1/residents/{resident_id}', { params: { path: { resident_id: id } } })),
    }),
}
