import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Point } from '../../../api/queries/portal'
import { FALLBACK_CENTER, L, plainMap } from '../leafletMap'

type Props = { point: Point | null; center: Point | null; onPin: (point: Point) => void }

/**
 * An optional map to drop a pin on, by a click or, from the keyboard, by panning with the arrows
 * and pressing "Pin the centre of the map". Loaded only when the resident asks for it.
 */
export default function PinMap({ point, center, onPin }: Props) {
  const { t } = useTranslation('portal')
  const element = useRef<HTMLDivElement>(null)
  const map = useRef<L.Map | null>(null)
  const pinned = useRef(onPin)
  useEffect(() => {
    pinned.current = onPin
  }, [onPin])

  useEffect(() => {
    if (!element.current) return
    const start = point ?? center
    const created = plainMap(element.current, start ? [start.lat, start.lon] : FALLBACK_CENTER, 17, { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') })
    created.on('click', (event: L.LeafletMouseEvent) => pinned.current({ lat: event.latlng.lat, lon: event.latlng.lng }))
    map.current = created
    return () => {
      created.remove()
      map.current = null
    }
    // The map is made once; the pin below follows the point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    if (!map.current || !point) return
    const marker = L.circleMarker([point.lat, point.lon], { radius: 9, color: '#b50909', weight: 3, fillOpacity: 0.7 }).addTo(map.current)
    return () => void marker.remove()
  }, [point])

  function pinCentre() {
    const centre = map.current?.getCenter()
    if (centre) onPin({ lat: centre.lat, lon: centre.lng })
  }

  return (
    <div className="pin-map">
      <p className="hint" id="pin-map-help">
        {t('location.mapHelp')}
      </p>
      <div ref={element} className="pin-map-canvas" tabIndex={0} role="application" aria-label={t('location.mapLabel')} aria-describedby="pin-map-help" />
      <button type="button" className="secondary" onClick={pinCentre}>
        {t('location.pinCentre')}
      </button>
    </div>
  )
}
