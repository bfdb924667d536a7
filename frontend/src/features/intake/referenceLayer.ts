import L from 'leaflet'
import { api, type components } from '../../api/client'

type Streets = components['schemas']['StreetCollection']
type AddressMarks = components['schemas']['AddressMarkCollection']

const LABELS_FROM_ZOOM = { main: 13, all: 15 } // main roads named sooner than the others
const ADDRESSES_FROM_ZOOM = 17 // as the API: address points only in a close view
const HOUSE_NUMBERS_FROM_ZOOM = 18
const LABEL_SPACING_PX = 90 // names closer than this to one already written are left out
const QUIET_MS = 150 // a burst of pans (arrow keys) asks once, when it stops
const STREET_STYLE: Record<number, L.PathOptions> = {
  1: { color: '#a05a00', weight: 5 },
  2: { color: '#5b6470', weight: 4 },
  3: { color: '#7d8794', weight: 2.5 },
}

/**
 * The map without tiles: the city's reference streets with their names, and its address points
 * at close zoom, from our API for the view on screen (see GET /api/v1/map/*). Returns the
 * function that detaches it.
 */
export function attachReferenceLayer(map: L.Map): () => void {
  map.createPane('reference').style.zIndex = '350' // under the boundaries and the pin
  map.createPane('referenceLabels').style.zIndex = '360'
  const streets = L.layerGroup().addTo(map)
  const labels = L.layerGroup().addTo(map)
  const addresses = L.layerGroup().addTo(map)
  let asked = 0 // requests are never aborted (that counts as a failed request): late ones are dropped
  let timer: ReturnType<typeof setTimeout> | undefined
  let attribution = ''

  async function refresh() {
    const bounds = map.getBounds()
    if (!bounds.isValid() || bounds.getWest() >= bounds.getEast() || bounds.getSouth() >= bounds.getNorth()) return
    const ask = ++asked
    const query = { bbox: bounds.toBBoxString(), zoom: Math.round(map.getZoom()) }
    const [lines, points] = await Promise.all([
      api.GET('/api/v1/map/streets', { params: { query } }),
      query.zoom >= ADDRESSES_FROM_ZOOM ? api.GET('/api/v1/map/addresses', { params: { query } }) : null,
    ])
    if (ask !== asked || !map.getContainer().isConnected) return
    // Answered as application/geo+json, which the client types as text; the body is the JSON.
    const found = lines.data as unknown as Streets | undefined
    if (found) {
      drawStreets(map, streets, labels, found)
      attribution = credit(map, attribution, found.attribution)
    }
    drawAddresses(addresses, (points?.data as unknown as AddressMarks | undefined) ?? null, query.zoom)
  }

  function soon() {
    clearTimeout(timer)
    timer = setTimeout(() => void refresh(), QUIET_MS)
  }

  map.on('moveend', soon)
  void refresh()
  return () => {
    clearTimeout(timer)
    asked += 1
    map.off('moveend', soon)
  }
}

function drawStreets(map: L.Map, streets: L.LayerGroup, labels: L.LayerGroup, data: Streets) {
  streets.clearLayers()
  labels.clearLayers()
  L.geoJSON(data as unknown as GeoJSON.GeoJsonObject, {
    pane: 'reference',
    interactive: false,
    style: (feature) => STREET_STYLE[(feature?.properties as { rank: number }).rank] ?? STREET_STYLE[3]!,
  }).addTo(streets)
  const zoom = map.getZoom()
  const written: L.Point[] = []
  const named = data.features.filter(({ properties }) => zoom >= (properties.rank <= 2 ? LABELS_FROM_ZOOM.main : LABELS_FROM_ZOOM.all))
  for (const { properties } of named.sort((a, b) => a.properties.rank - b.properties.rank)) {
    const label = properties.label
    if (!label) continue
    const at = map.latLngToContainerPoint([label.lat, label.long])
    if (written.some((point) => point.distanceTo(at) < LABEL_SPACING_PX)) continue
    written.push(at)
    labels.addLayer(textMarker([label.lat, label.long], properties.name, 'street-label', label.angle))
  }
}

function drawAddresses(addresses: L.LayerGroup, data: AddressMarks | null, zoom: number) {
  addresses.clearLayers()
  for (const { properties, geometry } of data?.features ?? []) {
    const [long, lat] = geometry.coordinates as [number, number]
    L.circleMarker([lat, long], { pane: 'reference', radius: 3, color: '#0b4f8a', weight: 1, fillOpacity: 0.8, interactive: false }).addTo(addresses)
    if (zoom >= HOUSE_NUMBERS_FROM_ZOOM && properties.house_number) {
      addresses.addLayer(textMarker([lat, long], properties.house_number, 'address-label', 0))
    }
  }
}

/** Text on the map, as text (never as HTML): names come from data a city imports. */
function textMarker(at: L.LatLngExpression, text: string, className: string, angle: number): L.Marker {
  const element = document.createElement('span')
  element.textContent = text
  element.style.transform = `translate(-50%, -50%) rotate(${angle}deg)`
  const icon = L.divIcon({ className, html: element, iconSize: [0, 0] }) // the text centres itself
  return L.marker(at, { icon, pane: 'referenceLabels', interactive: false, keyboard: false })
}

/** The sources' credit in the map's attribution, as text; the previous one replaced. */
function credit(map: L.Map, previous: string, text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  if (escaped === previous) return previous
  if (previous) map.attributionControl?.removeAttribution(previous)
  if (escaped) map.attributionControl?.addAttribution(escaped)
  return escaped
}
