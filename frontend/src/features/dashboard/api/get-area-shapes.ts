import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, unwrap } from '../../../api/client'
import { metricsKeys } from './metrics-keys'

export type AreaShapes = GeoJSON.FeatureCollection<GeoJSON.Geometry, { code: string; name: string }>

/** Simplified to 20 m: a city-wide map needs no more. */
const SIMPLIFY_M = 20

export function areaShapesQueryOptions(layer: string) {
  return queryOptions({
    queryKey: metricsKeys.areaShapes(layer),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/jurisdictions/layers/{slug}.geojson', { params: { path: { slug: layer }, query: { simplify: SIMPLIFY_M } } }),
      )) as unknown as AreaShapes,
    staleTime: 60 * 60_000,
  })
}

/** The outlines of a layer's areas (`GET /api/v1/jurisdictions/layers/{slug}.geojson`). */
export function useAreaShapes(layer: string) {
  return useQuery(areaShapesQueryOptions(layer))
}
