import { useQuery } from '@tanstack/react-query'
import { jurisdictionQueries } from '../../../api/queries/jurisdictions'
import type { components } from '../../../api/client'
import { useLanguage } from '../../../i18n/useLanguage'

export type Layer = components['schemas']['LayerOut']

// Areas that inform (council districts, neighborhoods) rather than those served or referred.
const infoLayers = (list: { items: Layer[] }): Layer[] => list.items.filter((layer) => layer.role === 'info')

/** The boundary layers a dashboard breaks down by, named in the UI language. */
export function useInfoLayers() {
  return useQuery({ ...jurisdictionQueries.layers(useLanguage()), select: infoLayers })
}
