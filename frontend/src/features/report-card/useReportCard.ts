import { useQuery } from '@tanstack/react-query'
import type { components } from '../../api/client'
import { reportCardQueries } from '../../api/queries/reportCard'
import { useLanguage } from '../../i18n/useLanguage'

export type ReportCard = components['schemas']['ReportCard']
export type DepartmentCard = components['schemas']['DepartmentCard']
export type Figures = components['schemas']['FiguresOut']

/** The public report card, department names in the UI language; no sign-in. */
export function useReportCard() {
  return useQuery(reportCardQueries.card(useLanguage()))
}
