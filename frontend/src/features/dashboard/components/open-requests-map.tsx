import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { AreaMap } from '../../../shared/map/AreaMap'
import { useAreaShapes } from '../api/get-area-shapes'
import { useOpenByArea } from '../api/get-open-by-area'
import { classOf, countClasses } from '../utils/classes'
import { formatValue } from '../utils/format'
import { ChartCard } from './chart-card'

type Props = { layer: string; layerName: string; department: string | undefined }

/** Where a click on an area leads: the request list, open requests of that area. */
export function areaListPath(layer: string, code: string): string {
  return `/queues?${new URLSearchParams({ area: `${layer}:${code}` })}`
}

/**
 * The requests open now, per area of the chosen layer: a map shaded by count (a click drills
 * into the list) and the same areas as a table of links, for the keyboard and screen readers.
 */
export function OpenRequestsMap({ layer, layerName, department }: Props) {
  const { t, i18n } = useTranslation('dashboard')
  const navigate = useNavigate()
  const open = useOpenByArea(layer, department)
  const shapes = useAreaShapes(layer)
  const counts = useMemo(() => new Map((open.data?.areas ?? []).map((area) => [area.code, area.open])), [open.data])
  const classes = useMemo(() => countClasses([...counts.values()]), [counts])
  const count = (n: number) => formatValue(n, 'count', i18n.language)
  const fillOf = useCallback((code: string) => classOf(counts.get(code) ?? 0, classes).colour, [counts, classes])
  const tooltipOf = useCallback((code: string, name: string) => t('map.tooltip', { name, count: counts.get(code) ?? 0 }), [counts, t])
  const select = useCallback((code: string) => navigate(areaListPath(layer, code)), [navigate, layer])
  const listed = (open.data?.areas ?? []).filter((area) => area.open > 0).sort((a, b) => b.open - a.open || a.name.localeCompare(b.name))

  const failed = open.error ?? shapes.error
  const notice =
    open.isPending || shapes.isPending ? (
      <p role="status">{t('loading')}</p>
    ) : failed ? (
      <p role="alert" className="error">
        {t('failed', { message: failed.message })}
      </p>
    ) : undefined

  return (
    <ChartCard
      id="open-by-area"
      title={t('map.title', { layer: layerName })}
      description={t('map.description')}
      notice={notice}
      chart={
        shapes.data && (
          <>
            <AreaMap areas={shapes.data} fillOf={fillOf} tooltipOf={tooltipOf} onSelect={select} label={t('map.label', { layer: layerName })} />
            <ul className="map-legend" aria-label={t('map.legend')}>
              {classes.map((c) => (
                <li key={c.colour}>
                  <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
                  {c.max === 0 ? t('map.none') : c.min === c.max ? count(c.min) : `${count(c.min)}–${count(c.max)}`}
                </li>
              ))}
            </ul>
          </>
        )
      }
      table={
        <table className="dashboard-table">
          <caption>{t('map.title', { layer: layerName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('map.area')}</th>
              <th scope="col">{t('map.open')}</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((area) => (
              <tr key={area.code}>
                <th scope="row">
                  <Link to={areaListPath(layer, area.code)}>{area.name}</Link>
                </th>
                <td>{count(area.open)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  )
}
