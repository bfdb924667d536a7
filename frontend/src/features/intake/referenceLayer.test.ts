import { waitFor } from '@testing-library/react'
import L from 'leaflet'
import { mockApi } from '../../test/api'
import { attachReferenceLayer } from './referenceLayer'

const EASTERN_AVE = {
  type: 'Feature',
  properties: { name: 'EASTERN AVE', rank: 2, label: { long: -76.586, lat: 39.2857, angle: -2.5 } },
  geometry: { type: 'LineString', coordinates: [[-76.59, 39.2856], [-76.582, 39.2858]] },
}
const ODD_NAME = {
  type: 'Feature',
  properties: { name: '<img src=x onerror=alert(1)>', rank: 3, label: { long: -76.583, lat: 39.2866, angle: 90 } },
  geometry: { type: 'LineString', coordinates: [[-76.583, 39.284], [-76.583, 39.288]] },
}
const STREETS = { type: 'FeatureCollection', features: [EASTERN_AVE, ODD_NAME], attribution: 'Streets: <Baltimore> & co' }
const ADDRESS = { type: 'Feature', properties: { address: '2125 EASTERN AVE', house_number: '2125' }, geometry: { type: 'Point', coordinates: [-76.585982, 39.285731] } }

/** A map on a sized element (jsdom lays nothing out, so Leaflet would see a 0×0 map). */
function mapAt(zoom: number): L.Map {
  const element = document.createElement('div')
  Object.defineProperty(element, 'clientWidth', { value: 800 })
  Object.defineProperty(element, 'clientHeight', { value: 320 })
  document.body.append(element)
  return L.map(element, { center: [39.2857, -76.586], zoom, zoomAnimation: false, fadeAnimation: false })
}

describe('the reference layer (a map without tiles)', () => {
  it('draws the streets of the view and writes their names as text', async () => {
    const api = mockApi({ 'GET /api/v1/map/streets': STREETS })
    const map = mapAt(16)
    const detach = attachReferenceLayer(map)
    await waitFor(() => expect(map.getContainer().querySelectorAll('.street-label')).toHaveLength(2))
    const names = [...map.getContainer().querySelectorAll('.street-label span')].map((span) => span.textContent)
    expect(names).toEqual(['EASTERN AVE', '<img src=x onerror=alert(1)>'])
    expect(map.getContainer().querySelector('img[src="x"]')).toBeNull()
    expect(map.getContainer().querySelector('.leaflet-control-attribution')!.textContent).toContain('Streets: <Baltimore> & co')
    const asked = api.calls.find((call) => call.path === '/api/v1/map/streets')!.url.searchParams
    expect(asked.get('zoom')).toBe('16')
    expect(asked.get('bbox')!.split(',').map(Number)).toHaveLength(4)
    expect(api.calls.some((call) => call.path === '/api/v1/map/addresses')).toBe(false) // too far out
    detach()
    map.remove()
  })

  it('names only the main roads at city zoom', async () => {
    mockApi({ 'GET /api/v1/map/streets': STREETS })
    const map = mapAt(13)
    attachReferenceLayer(map)
    await waitFor(() => expect(map.getContainer().querySelectorAll('.street-label')).toHaveLength(1))
    expect(map.getContainer().querySelector('.street-label')!.textContent).toBe('EASTERN AVE')
    map.remove()
  })

  it('adds the address points and their house numbers close up', async () => {
    const api = mockApi({
      'GET /api/v1/map/streets': STREETS,
      'GET /api/v1/map/addresses': { type: 'FeatureCollection', features: [ADDRESS], truncated: false },
    })
    const map = mapAt(18)
    attachReferenceLayer(map)
    await waitFor(() => expect(map.getContainer().querySelectorAll('.address-label')).toHaveLength(1))
    expect(map.getContainer().querySelector('.address-label')!.textContent).toBe('2125')
    expect(api.unhandled).toEqual([])
    map.remove()
  })
})
