import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { PublicItem } from '../../api/queries/portal'
import { FALLBACK_CENTER, L, plainMap } from './leafletMap'

const OPEN = '#005ea2'
const CLOSED = '#5c5c5c'

/** Recent requests as points on a plain background (tiles only if the build has some). */
export default function RequestsMap({ items }: { items: PublicItem[] }) {
  const { t } = useTranslation('portal')
  const element = useRef<HTMLDivElement>(null)
  const map = useRef<L.Map | null>(null)

  useEffect(() => {
    if (!element.current) return
    map.current = plainMap(element.current, FALLBACK_CENTER, 12, { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') })
    return () => {
      map.current?.remove()
      map.current = null
    }
    // The map is made once (its button titles in the language of the moment); markers follow the items.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const current = map.current
    if (!current) return
    const located = items.filter((item) => item.lat !== null && item.lon !== null)
    const markers = located.map((item) =>
      L.circleMarker([item.lat!, item.lon!], { radius: 6, color: item.status === 'closed' ? CLOSED : OPEN, weight: 2, fillOpacity: 0.6 }).bindTooltip(
        `${item.number} · ${item.service_name}`,
      ),
    )
    const group = L.featureGroup(markers).addTo(current)
    if (markers.length) current.fitBounds(group.getBounds(), { maxZoom: 16, padding: [20, 20] })
    return () => void group.remove()
  }, [items])

  return <div ref={element} className="requests-map" tabIndex={0} role="region" aria-label={t('map.mapLabel', { count: items.length })} />
}
