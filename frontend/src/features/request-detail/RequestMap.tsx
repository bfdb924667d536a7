import { useQueries, type UseQueryResult } from '@tanstack/react-query'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { jurisdictionQueries } from '../../api/queries/jurisdictions'
import { PointMap } from '../../shared/map/PointMap'
import type { ServiceRequest } from './useRequest'

// Module-level, so TanStack Query keeps the combined array while no outline changes.
const loaded = (results: UseQueryResult<unknown>[]) => results.flatMap((result) => (result.data ? [result.data as GeoJSON.GeoJsonObject] : []))

/** The outlines of the areas the point lies in: what the map shows around it when there are no tiles. */
function useAreaOutlines(areaIds: readonly number[]) {
  return useQueries({
    queries: areaIds.map((id) => jurisdictionQueries.area(id)),
    combine: loaded,
  })
}

/** A small map of the request's point, with the areas it lies in named under it; nothing without a point. */
export function RequestMap({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation('request-detail')
  const heading = useId()
  const { lat, long, address, hint } = request.location
  const outlines = useAreaOutlines(request.areas.map((area) => area.id))
  if (lat == null || long == null) return null
  const place = address ?? hint ?? `${lat.toFixed(5)}, ${long.toFixed(5)}`
  return (
    <section className="panel" aria-labelledby={heading}>
      <h2 id={heading}>{t('map.heading')}</h2>
      <PointMap point={{ lat, long }} label={t('map.label', { place })} outlines={outlines} />
      {request.areas.length > 0 && <p className="muted">{request.areas.map((area) => area.name).join(' · ')}</p>}
    </section>
  )
}
