import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../client'

export type Point = { lat: number; long: number }
export type AreaShapes = GeoJSON.FeatureCollection<GeoJSON.Geometry, { code: string; name: string }>

/** Layer and area names are in the UI language (`lang`); outlines are not. */
export const jurisdictionKeys = {
  all: ['jurisdictions'] as const,
  layers: (lang: string) => [...jurisdictionKeys.all, 'layers', lang] as const,
  layerAreas: (layer: string, lang: string) => [...jurisdictionKeys.all, 'layer-areas', layer, lang] as const,
  layerShapes: (layer: string, simplify: number) => [...jurisdictionKeys.all, 'layer-shapes', layer, simplify] as const,
  area: (id: number) => [...jurisdictionKeys.all, 'area', id] as const,
  resolve: (point: Point | null, serviceCode: string | null, lang: string) =>
    [...jurisdictionKeys.all, 'resolve', point, serviceCode, lang] as const,
}

export const jurisdictionQueries = {
  layers: (lang: string) =>
    queryOptions({
      queryKey: jurisdictionKeys.layers(lang),
      queryFn: () => unwrap(api.GET('/api/v1/jurisdictions/layers')),
      staleTime: 60 * 60_000,
    }),
  /** A layer's areas and the layer's own name: what an area filter is labelled with. */
  layerAreas: (layer: string, lang: string) =>
    queryOptions({
      queryKey: jurisdictionKeys.layerAreas(layer, lang),
      queryFn: async () => {
        const [areas, layers] = await Promise.all([
          unwrap(api.GET('/api/v1/jurisdictions', { params: { query: { layer, limit: 1000 } } })),
          unwrap(api.GET('/api/v1/jurisdictions/layers')),
        ])
        return { areas: areas.items, layer: layers.items.find((item) => item.slug === layer)?.name ?? layer }
      },
      staleTime: 10 * 60_000,
    }),
  /** The outlines of a layer's areas, simplified to `simplify` metres. */
  layerShapes: (layer: string, simplify: number) =>
    queryOptions({
      queryKey: jurisdictionKeys.layerShapes(layer, simplify),
      queryFn: async () =>
        (await unwrap(
          api.GET('/api/v1/jurisdictions/layers/{slug}.geojson', { params: { path: { slug: layer }, query: { simplify } } }),
        )) as unknown as AreaShapes,
      staleTime: 60 * 60_000,
    }),
  area: (id: number) =>
    queryOptions({
      queryKey: jurisdictionKeys.area(id),
      queryFn: () => unwrap(api.GET('/api/v1/jurisdictions/{area_id}', { params: { path: { area_id: id } } })),
      staleTime: 60 * 60_000,
    }),
  /** Who serves a point (for a service, if one is chosen). */
  resolve: (point: Point | null, serviceCode: string | null, lang: string) =>
    queryOptions({
      queryKey: jurisdictionKeys.resolve(point, serviceCode, lang),
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/jurisdictions/resolve', {
            params: { query: { lat: point!.lat, long: point!.long, service_code: serviceCode } },
          }),
        ),
    }),
}
