import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, unwrap } from '../../../api/client'
import { useLanguage } from '../../../i18n/useLanguage'

// The same key as the shared department names: one fetch serves both.
export function departmentsQueryOptions(lang: string) {
  return queryOptions({
    queryKey: ['departments', lang],
    queryFn: () => unwrap(api.GET('/api/v1/departments')),
    staleTime: 10 * 60_000,
  })
}

/** The departments a dashboard may be narrowed to. */
export function useDepartments() {
  return useQuery(departmentsQueryOptions(useLanguage()))
}
