import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, unwrap, type components } from '../../../api/client'
import { useLanguage } from '../../../i18n/useLanguage'
import { metricsKeys } from './metrics-keys'

export type Layer = components['schemas']['LayerOut']

export function layersQueryOptions(lang: string) {
  return queryOptions({
    queryKey: metricsKeys.layers(lang),
    queryFn: () => unwrap(api.GET('/api/v1/jurisdictions/layers')),
    staleTime: 10 * 60_000,
    // Areas that inform (council districts, neighborhoods) rather than those served or referred.
    select: (list): Layer[] => list.items.filter((layer) => layer.role === 'info'),
  })
}

/** The boundary layers a dashboard breaks down by, named in the UI language. */
export function useInfoLayers() {
  return useQuery(layersQueryOptions(useLanguage()))
}
