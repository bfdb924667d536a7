import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import { useEffect, useRef } from 'react'
import './point-map.css'
import { TILE_ATTRIBUTION, TILE_URL } from './tiles'

export type AreaFeatures = GeoJSON.FeatureCollection<GeoJSON.Geometry, { code: string; name: string }>

type Props = {
  areas: AreaFeatures
  /** The fill of each area, by its code (a choropleth's class colour). */
  fillOf: (code: string) => string
  /** What an area's tooltip says (its name and figure). */
  tooltipOf: (code: string, name: string) => string
  onSelect?: (code: string) => void
  /** What the map shows, for people who cannot see it: give them the same as a list with links. */
  label: string
}

/**
 * A map of a layer's areas, each filled by `fillOf`, a click selecting one. It fits the areas; it
 * has no controls and no animations (see PointMap), and no tiles unless the build has some.
 * Screen-reader and keyboard users get `label` and, next to the map, the same areas as a list.
 */
export function AreaMap({ areas, fillOf, tooltipOf, onSelect, label }: Props) {
  const container = useRef<HTMLDivElement>(null)
  const map = useRef<L.Map | null>(null)
  const select = useRef(onSelect)
  useEffect(() => {
    select.current = onSelect
  }, [onSelect])

  useEffect(() => {
    if (!container.current) return
    const created = L.map(container.current, {
      zoomControl: false,
      attributionControl: false,
      keyboard: false,
      scrollWheelZoom: false,
      zoomAnimation: false,
      fadeAnimation: false,
      markerZoomAnimation: false,
      zoomSnap: 0.25,
    })
    if (TILE_URL) L.tileLayer(TILE_URL, { maxZoom: 19 }).addTo(created)
    map.current = created
    return () => {
      created.remove()
      map.current = null
    }
  }, [])

  useEffect(() => {
    const current = map.current
    if (!current) return
    const drawn = L.geoJSON(areas, {
      style: (feature) => ({ color: '#1b1f24', weight: 1, fillOpacity: 0.75, fillColor: fillOf(String(feature?.properties.code)) }),
      onEachFeature: (feature, layer) => {
        const { code, name } = feature.properties
        layer.bindTooltip(tooltipOf(String(code), String(name)), { sticky: true })
        layer.on('click', () => select.current?.(String(code)))
      },
    }).addTo(current)
    const bounds = drawn.getBounds()
    if (bounds.isValid()) current.fitBounds(bounds, { animate: false })
    return () => {
      drawn.remove()
    }
  }, [areas, fillOf, tooltipOf])

  return (
    <figure className="point-map">
      <div ref={container} className="area-map-canvas" role="img" aria-label={label} />
      {TILE_URL && TILE_ATTRIBUTION && <figcaption className="point-map-attribution">{TILE_ATTRIBUTION}</figcaption>}
    </figure>
  )
}
