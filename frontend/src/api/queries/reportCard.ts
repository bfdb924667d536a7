import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../client'

export const reportCardKeys = {
  all: ['report-card'] as const,
  card: (lang: string) => [...reportCardKeys.all, 'card', lang] as const,
}

export const reportCardQueries = {
  /** The public report card, department names in the UI language; no sign-in. */
  card: (lang: string) =>
    queryOptions({
      queryKey: reportCardKeys.card(lang),
      queryFn: () => unwrap(api.GET('/api/v1/report-card')),
      staleTime: 5 * 60_000,
    }),
}
