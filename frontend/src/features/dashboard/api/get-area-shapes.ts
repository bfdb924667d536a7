import { useQuery } from '@tanstack/react-query'
import { jurisdictionQueries } from '../../../api/queries/jurisdictions'

export type { AreaShapes } from '../../../api/queries/jurisdictions'

/** Simplified to 20 m: a city-wide map needs no more. */
const SIMPLIFY_M = 20

/** The outlines of a layer's areas (`GET /api/v1/jurisdictions/layers/{slug}.geojson`). */
export function useAreaShapes(layer: string) {
  return useQuery(jurisdictionQueries.layerShapes(layer, SIMPLIFY_M))
}
