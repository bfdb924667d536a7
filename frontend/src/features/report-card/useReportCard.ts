import { useQuery } from '@tanstack/react-query'
import { api, unwrap, type components } from '../../api/client'
import { useLanguage } from '../../i18n/useLanguage'

export type ReportCard = components['schemas']['ReportCard']
export type DepartmentCard = components['schemas']['DepartmentCard']
export type Figures = components['schemas']['FiguresOut']

/** The public report card, department names in the UI language; no sign-in. */
export function useReportCard() {
  const lang = useLanguage()
  return useQuery({
    queryKey: ['report-card', lang],
    queryFn: () => unwrap(api.GET('/api/v1/report-card')),
    staleTime: 5 * 60_000,
  })
}
