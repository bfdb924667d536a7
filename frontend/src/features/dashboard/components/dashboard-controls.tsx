import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Layer } from '../api/get-layers'
import { INTERVALS, type Controls } from '../hooks/use-dashboard-params'
import { isIsoDate } from '../utils/city-days'

type Department = { code: string; name: string }

type Props = {
  controls: Controls
  onChange: (changes: Partial<Controls>) => void
  departments: readonly Department[]
  /** A manager's own department: shown, not chosen. */
  fixedDepartment: string | null
  layers: readonly Layer[]
}

/** The window (first and last day, in the city's calendar), the department, the interval and the area layer. */
export function DashboardControls({ controls, onChange, departments, fixedDepartment, layers }: Props) {
  const { t } = useTranslation('dashboard')
  const ids = { from: useId(), to: useId(), department: useId(), interval: useId(), layer: useId() }
  const fixedName = departments.find((d) => d.code === fixedDepartment)?.name ?? fixedDepartment
  return (
    <form className="dashboard-controls" aria-label={t('controls.label')} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={ids.from}>{t('controls.from')}</label>
        <input id={ids.from} type="date" value={controls.from} max={controls.to} onChange={(e) => isIsoDate(e.target.value) && onChange({ from: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={ids.to}>{t('controls.to')}</label>
        <input id={ids.to} type="date" value={controls.to} min={controls.from} onChange={(e) => isIsoDate(e.target.value) && onChange({ to: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={ids.department}>{t('controls.department')}</label>
        {fixedDepartment ? (
          <input id={ids.department} type="text" value={fixedName ?? ''} readOnly />
        ) : (
          <select id={ids.department} value={controls.department} onChange={(e) => onChange({ department: e.target.value })}>
            <option value="">{t('controls.allDepartments')}</option>
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.interval}>{t('controls.interval')}</label>
        <select id={ids.interval} value={controls.interval} onChange={(e) => onChange({ interval: e.target.value as Controls['interval'] })}>
          {INTERVALS.map((interval) => (
            <option key={interval} value={interval}>
              {t(`intervals.${interval}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.layer}>{t('controls.layer')}</label>
        <select id={ids.layer} value={controls.layer} onChange={(e) => onChange({ layer: e.target.value })}>
          {layers.map((layer) => (
            <option key={layer.slug} value={layer.slug}>
              {layer.name}
            </option>
          ))}
        </select>
      </div>
      {controls.from > controls.to && (
        <p role="alert" className="error">
          {t('controls.backwards')}
        </p>
      )}
    </form>
  )
}
