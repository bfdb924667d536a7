import { useQuery } from '@tanstack/react-query'
import { departmentQueries } from '../../../api/queries/departments'
import { useLanguage } from '../../../i18n/useLanguage'

/** The departments a dashboard may be narrowed to (the same cache entry as every department list). */
export function useDepartments() {
  return useQuery(departmentQueries.list(useLanguage()))
}
