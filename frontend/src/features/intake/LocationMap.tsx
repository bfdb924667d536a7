import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import './intake-map.css'
import type { Layer, Point } from './queries'
import { attachReferenceLayer } from './referenceLayer'

/**
 * The tile URL template and its credit; empty (the default) means no tiles and no request
 * outside the city's API: the map then draws the city's reference streets and address points.
 */
export const TILE_URL: string = import.meta.env.VITE_MAP_TILE_URL ?? ''
export const TILE_ATTRIBUTION: string = import.meta.env.VITE_MAP_TILE_ATTRIBUTION ?? ''
const CITY_CENTRE: L.LatLngTuple = [39.2904, -76.6122]
const LAYER_COLOURS = ['#0b4f8a', '#7a4a00', '#1d5e2c', '#6b2c91', '#9b1c1c']

type Props = {
  point: Point | null
  onPick: (point: Point) => void
  layers: Layer[]
  shownLayers: string[]
}

/**
 * A Leaflet map: a click (or Enter on the focused map, which drops the pin at its centre) picks
 * the point; the shown boundary layers are drawn from the API's GeoJSON, over the tiles or,
 * without tiles, over the reference streets.
 */
export function LocationMap({ point, onPick, layers, shownLayers }: Props) {
  const { t } = useTranslation('intake')
  const container = useRef<HTMLDivElement>(null)
  const map = useRef<L.Map | null>(null)
  const marker = useRef<L.CircleMarker | null>(null)
  const drawn = useRef(new Map<string, L.GeoJSON>())
  const pick = useRef(onPick)
  useEffect(() => {
    pick.current = onPick
  }, [onPick])

  useEffect(() => {
    if (!container.current) return
    // No animations: removing the map (a contact ends) during a zoom animation made Leaflet's
    // pending transition-end read a pane already gone (`_leaflet_pos` of undefined); agents
    // also gain an instant jump to the pin.
    const created = L.map(container.current, {
      center: CITY_CENTRE,
      zoom: 12,
      maxZoom: 19,
      keyboard: true,
      zoomAnimation: false,
      fadeAnimation: false,
      markerZoomAnimation: false,
    })
    const detachReference = TILE_URL ? null : attachReferenceLayer(created)
    if (TILE_URL) L.tileLayer(TILE_URL, { maxZoom: 19, attribution: TILE_ATTRIBUTION }).addTo(created)
    created.on('click', (event: L.LeafletMouseEvent) => pick.current({ lat: event.latlng.lat, long: event.latlng.lng }))
    created.getContainer().addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.target !== created.getContainer()) return
      const centre = created.getCenter()
      pick.current({ lat: centre.lat, long: centre.lng })
    })
    map.current = created
    const layersDrawn = drawn.current
    return () => {
      detachReference?.()
      created.remove()
      map.current = null
      marker.current = null
      layersDrawn.clear()
    }
  }, [])

  useEffect(() => {
    const current = map.current
    if (!current) return
    marker.current?.remove()
    marker.current = null
    if (!point) return
    const at: L.LatLngTuple = [point.lat, point.long]
    marker.current = L.circleMarker(at, { radius: 9, color: '#9b1c1c', weight: 3, fillOpacity: 0.6 }).addTo(current)
    if (!current.getBounds().pad(-0.2).contains(at) || current.getZoom() < 15) current.setView(at, Math.max(current.getZoom(), 16), { animate: false })
  }, [point])

  useEffect(() => {
    const current = map.current
    if (!current) return
    let stale = false // not aborted: an aborted fetch would count as a failed request
    for (const [slug, layer] of drawn.current) {
      if (!shownLayers.includes(slug)) {
        layer.remove()
        drawn.current.delete(slug)
      }
    }
    shownLayers
      .filter((slug) => !drawn.current.has(slug))
      .forEach(async (slug) => {
        const { data } = await api.GET('/api/v1/jurisdictions/layers/{slug}.geojson', {
          params: { path: { slug }, query: { simplify: 20 } },
        })
        if (!data || stale || !map.current || drawn.current.has(slug)) return
        const colour = LAYER_COLOURS[layers.findIndex((layer) => layer.slug === slug) % LAYER_COLOURS.length]
        const drawnLayer = L.geoJSON(data as unknown as GeoJSON.GeoJsonObject, {
          style: { color: colour, weight: 2, fillOpacity: 0.04 },
          interactive: false,
        }).addTo(map.current)
        drawn.current.set(slug, drawnLayer)
      })
    return () => {
      stale = true
    }
  }, [shownLayers, layers])

  return (
    <div
      ref={container}
      className="location-map"
      role="application"
      aria-label={t('location.map')}
      aria-describedby="location-map-help"
    />
  )
}
