import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../client'

export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
  me: () => [...userKeys.all, 'me'] as const,
}

export const userQueries = {
  /** The staff directory (signed-in people only). */
  list: () =>
    queryOptions({
      queryKey: userKeys.list(),
      queryFn: () => unwrap(api.GET('/api/v1/users')),
      staleTime: 5 * 60_000,
    }),
  /** The signed-in user (`GET /api/v1/me`). */
  me: () =>
    queryOptions({
      queryKey: userKeys.me(),
      queryFn: () => unwrap(api.GET('/api/v1/me')),
      staleTime: 5 * 60_000,
      retry: false,
    }),
}
