import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { components } from '../../api/client'
import type { Status } from './useQueue'

type Service = components['schemas']['ServiceOut']
export type StatusChoice = 'open' | 'any' | Status
export type Filters = { status: StatusChoice; service: string; overdueOnly: boolean; dueSoonOnly: boolean; text: string }
export const NO_FILTERS: Filters = { status: 'open', service: '', overdueOnly: false, dueSoonOnly: false, text: '' }

const STATUSES: readonly Status[] = ['new', 'acknowledged', 'in_progress', 'on_hold', 'closed']

type Props = { filters: Filters; services: readonly Service[]; onChange: (filters: Filters) => void }

/** Status, service, "overdue only" and "due soon only" (both: either) apply at once; the text
 * applies on Search (or Enter). */
export function QueueFilters({ filters, services, onChange }: Props) {
  const { t } = useTranslation('queues')
  const [text, setText] = useState(filters.text)
  const ids = { status: useId(), service: useId(), overdue: useId(), dueSoon: useId(), text: useId() }

  function search(event: FormEvent) {
    event.preventDefault()
    onChange({ ...filters, text: text.trim() })
  }

  return (
    <form role="search" className="queue-filters" onSubmit={search} aria-label={t('filters.legend')}>
      <div className="field">
        <label htmlFor={ids.status}>{t('filters.status')}</label>
        <select
          id={ids.status}
          value={filters.status}
          onChange={(event) => onChange({ ...filters, status: event.target.value as StatusChoice })}
        >
          <option value="open">{t('filters.statusOpen')}</option>
          <option value="any">{t('filters.statusAny')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.service}>{t('filters.service')}</label>
        <select id={ids.service} value={filters.service} onChange={(event) => onChange({ ...filters, service: event.target.value })}>
          <option value="">{t('filters.serviceAny')}</option>
          {services.map((service) => (
            <option key={service.code} value={service.code}>
              {service.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-check">
        <input
          id={ids.overdue}
          type="checkbox"
          checked={filters.overdueOnly}
          onChange={(event) => onChange({ ...filters, overdueOnly: event.target.checked })}
        />
        <label htmlFor={ids.overdue}>{t('filters.overdue')}</label>
      </div>
      <div className="field field-check">
        <input
          id={ids.dueSoon}
          type="checkbox"
          checked={filters.dueSoonOnly}
          onChange={(event) => onChange({ ...filters, dueSoonOnly: event.target.checked })}
        />
        <label htmlFor={ids.dueSoon}>{t('filters.dueSoon')}</label>
      </div>
      <div className="field">
        <label htmlFor={ids.text}>{t('filters.text')}</label>
        <input id={ids.text} type="search" data-shortcut="search" value={text} maxLength={200} onChange={(event) => setText(event.target.value)} />
      </div>
      <div className="queue-filter-actions">
        <button type="submit">{t('filters.search')}</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setText('')
            onChange(NO_FILTERS)
          }}
        >
          {t('filters.clear')}
        </button>
      </div>
    </form>
  )
}
