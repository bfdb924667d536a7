import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import { useEffect, useRef } from 'react'
import './point-map.css'
import { TILE_ATTRIBUTION, TILE_URL } from './tiles'

const ZOOM = 16

export type MapPoint = { lat: number; long: number }

type Props = {
  point: MapPoint
  /** What the map shows, for people who cannot see it (the map is one image to them). */
  label: string
  /** Outlines drawn around the point, such as the areas it lies in: the only context without tiles. */
  outlines?: readonly GeoJSON.GeoJsonObject[]
}

/**
 * A small map of one point that nobody can move or pick from: no handlers, no controls, no
 * animations (see LocationMap in the intake: a transition still pending when the map is removed
 * reads a pane already gone). Keyboard and screen-reader users get `label` instead.
 */
export function PointMap({ point, label, outlines = [] }: Props) {
  const container = useRef<HTMLDivElement>(null)
  const map = useRef<L.Map | null>(null)

  useEffect(() => {
    if (!container.current) return
    const created = L.map(container.current, {
      center: [point.lat, point.long],
      zoom: ZOOM,
      zoomControl: false,
      attributionControl: false,
      dragging: false,
      keyboard: false,
      scrollWheelZoom: false,
      doubleClickZoom: false,
      boxZoom: false,
      touchZoom: false,
      zoomAnimation: false,
      fadeAnimation: false,
      markerZoomAnimation: false,
    })
    if (TILE_URL) L.tileLayer(TILE_URL, { maxZoom: 19 }).addTo(created)
    map.current = created
    return () => {
      created.remove()
      map.current = null
    }
  }, [point.lat, point.long])

  useEffect(() => {
    const current = map.current
    if (!current) return
    const drawn = [
      ...outlines.map((outline) => L.geoJSON(outline, { style: { color: '#0b4f8a', weight: 2, fillOpacity: 0.04 }, interactive: false })),
      L.circleMarker([point.lat, point.long], { radius: 8, color: '#9b1c1c', weight: 3, fillOpacity: 0.6, interactive: false }),
    ]
    drawn.forEach((layer) => layer.addTo(current))
    return () => drawn.forEach((layer) => layer.remove())
  }, [outlines, point.lat, point.long])

  return (
    <figure className="point-map">
      <div ref={container} className="point-map-canvas" role="img" aria-label={label} />
      {TILE_URL && TILE_ATTRIBUTION && <figcaption className="point-map-attribution">{TILE_ATTRIBUTION}</figcaption>}
    </figure>
  )
}
