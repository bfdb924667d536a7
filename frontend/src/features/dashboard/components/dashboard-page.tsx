import { useTranslation } from 'react-i18next'
import { useSite } from '../../../shared/useSite'
import { useMe } from '../../../shared/useMe'
import { useDepartments } from '../api/get-departments'
import { useInfoLayers } from '../api/get-layers'
import type { Window } from '../api/types'
import { useDashboardParams, type Controls } from '../hooks/use-dashboard-params'
import { ChartCard } from './chart-card'
import { CHARTS, type ChartSpec } from './chart-specs'
import { DashboardControls } from './dashboard-controls'
import { OpenRequestsMap } from './open-requests-map'
import { SeriesChart } from './series-chart'
import { SummaryTiles } from './summary-tiles'
import { TopIssuesChart } from './top-issues-chart'
import './dashboard.css'

type ChartsProps = { window: Window; controls: Controls; zone: string; layerName: string }

function Chart({ spec, window, controls, zone }: ChartsProps & { spec: ChartSpec }) {
  const { t } = useTranslation('dashboard')
  const suffix = [controls.from, controls.to, controls.department].filter(Boolean).join('_')
  // Calls belong to the contact center, not to a department.
  if (spec.kind === 'calls' && window.department)
    return <ChartCard id={spec.id} title={t(`charts.${spec.id}.title`)} notice={<p>{t('charts.calls-within-threshold.allDepartments')}</p>} />
  return <SeriesChart spec={spec} window={window} interval={controls.interval} zone={zone} fileSuffix={suffix} />
}

function Charts(props: ChartsProps) {
  const { window, controls, layerName } = props
  const suffix = [controls.from, controls.to, controls.department].filter(Boolean).join('_')
  return (
    <>
      <SummaryTiles window={window} />
      <div className="chart-grid">
        {CHARTS.map((spec) => (
          <Chart key={spec.id} spec={spec} {...props} />
        ))}
        {controls.layer && <TopIssuesChart window={window} layer={controls.layer} layerName={layerName} fileSuffix={suffix} />}
      </div>
      {controls.layer && <OpenRequestsMap layer={controls.layer} layerName={layerName} department={window.department} />}
    </>
  )
}

/**
 * The supervisors' dashboard: the window's headline figures, the charts (each with its table
 * and its CSV), and the open requests by area. Department managers see their own department.
 */
export function DashboardPage() {
  const { t } = useTranslation('dashboard')
  const me = useMe().data
  const zone = useSite().data?.time_zone
  const layers = useInfoLayers().data ?? []
  const departments = useDepartments().data?.items ?? []
  const fixedDepartment = me?.role === 'staff' ? (me.department ?? null) : null
  const { controls, change, window } = useDashboardParams({ zone, fixedDepartment, defaultLayer: layers[0]?.slug ?? '' })
  const layerName = layers.find((layer) => layer.slug === controls.layer)?.name ?? controls.layer

  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('title')}</h1>
      <DashboardControls controls={controls} onChange={change} departments={departments} fixedDepartment={fixedDepartment} layers={layers} />
      {zone && window ? <Charts window={window} controls={controls} zone={zone} layerName={layerName} /> : !zone && <p role="status">{t('loading')}</p>}
    </section>
  )
}

export default DashboardPage
