import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useDepartments } from '../api/get-departments'
import type { SeriesAnswer } from '../api/types'

/**
 * A series answer with its groups named in the UI language: channels and "all" from our
 * strings, departments from the catalog as the API names them in that language; the rest (tags,
 * hours, agents, areas) as the API labels them. The CSV keeps the API's own labels.
 */
export function useSeriesNames(): (answer: SeriesAnswer) => SeriesAnswer {
  const { t } = useTranslation('dashboard')
  const departments = useDepartments().data?.items
  return useCallback(
    (answer: SeriesAnswer) => {
      const nameOf = (key: string, label: string): string => {
        if (answer.group_by === 'channel') return t(`channels.${key}`, { defaultValue: label })
        if (answer.group_by === null && key === 'all') return t('all')
        if (answer.group_by === 'department') return departments?.find((d) => d.code === key)?.name ?? label
        return label
      }
      return { ...answer, series: answer.series.map((s) => ({ ...s, label: nameOf(s.key, s.label) })) }
    },
    [t, departments],
  )
}
