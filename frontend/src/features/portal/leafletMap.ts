import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import { TILE_URL } from '../../shared/map/tiles'

/** Where a map opens when it has nothing to show yet (the demo city). */
export const FALLBACK_CENTER: [number, number] = [39.29, -76.61]

/**
 * A Leaflet map on a plain background unless the build has tiles: no request leaves the city's
 * own host. Arrow keys pan and +/- zoom once the map has the focus.
 */
export function plainMap(element: HTMLElement, center: [number, number], zoom: number, labels: { zoomIn: string; zoomOut: string }): L.Map {
  const map = L.map(element, { center, zoom, zoomControl: false, zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false, attributionControl: false })
  // Leaflet's own +/− buttons are titled in English: these speak the visitor's language.
  L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map)
  if (TILE_URL) L.tileLayer(TILE_URL, { maxZoom: 19 }).addTo(map)
  return map
}

export { L }
