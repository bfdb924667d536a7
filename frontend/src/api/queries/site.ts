import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../client'

export const siteKeys = {
  all: ['site'] as const,
  settings: () => [...siteKeys.all, 'settings'] as const,
}

export const siteQueries = {
  /** The installation's public settings: they do not change while the SPA runs. */
  settings: () =>
    queryOptions({
      queryKey: siteKeys.settings(),
      queryFn: () => unwrap(api.GET('/api/v1/site')),
      staleTime: Infinity,
    }),
}
