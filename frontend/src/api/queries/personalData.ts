import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../client'

export const personalDataKeys = {
  all: ['personal-data'] as const,
  check: (text: string, names: readonly string[]) => [...personalDataKeys.all, 'check', text, names] as const,
}

export const personalDataQueries = {
  /** The API's findings for a text: the same text and names always find the same. */
  check: (text: string, names: readonly string[]) =>
    queryOptions({
      queryKey: personalDataKeys.check(text, names),
      queryFn: () => unwrap(api.POST('/api/v1/personal-data/check', { body: { text, names: [...names] } })),
      staleTime: Infinity,
    }),
}
