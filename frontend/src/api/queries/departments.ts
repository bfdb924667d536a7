import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../client'

/** The names are in the UI language, so the language is in the key: a switch refetches. */
export const departmentKeys = {
  all: ['departments'] as const,
  list: (lang: string) => [...departmentKeys.all, 'list', lang] as const,
}

export const departmentQueries = {
  list: (lang: string) =>
    queryOptions({
      queryKey: departmentKeys.list(lang),
      queryFn: () => unwrap(api.GET('/api/v1/departments')),
      staleTime: 10 * 60_000,
    }),
}
