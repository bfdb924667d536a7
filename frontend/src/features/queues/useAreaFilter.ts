import { useQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import { jurisdictionQueries } from '../../api/queries/jurisdictions'
import { useLanguage } from '../../i18n/useLanguage'

/**
 * The area the list is narrowed to, from the address (`?area=<layer>:<code>`, as the dashboard's
 * map links to it), with its name and its layer's, and a way to drop it.
 */
export function useAreaFilter() {
  const [params, setParams] = useSearchParams()
  const area = params.get('area') || undefined
  const [layer = '', code = ''] = area ? [area.slice(0, area.indexOf(':')), area.slice(area.indexOf(':') + 1)] : []
  const lang = useLanguage()
  const names = useQuery({ ...jurisdictionQueries.layerAreas(layer, lang), enabled: !!layer })
  const name = names.data?.areas.find((item) => item.code === code)?.name ?? code
  const clear = () =>
    setParams((previous) => {
      const kept = new URLSearchParams(previous)
      kept.delete('area')
      return kept
    })
  return { area, label: area ? `${names.data?.layer ?? layer}: ${name}` : undefined, clear }
}
