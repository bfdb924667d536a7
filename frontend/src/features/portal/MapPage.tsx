import { lazy, Suspense, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { RequestFilter } from '../../api/queries/portal'
import { useDates } from '../../shared/useDates'
import { statusKey } from './statusLabel'
import { usePublicRequests, useServices } from './usePortal'
import './portal.css'

// Leaflet is a chunk of its own, after the page and its list are on screen.
const RequestsMap = lazy(() => import('./RequestsMap'))

function Filters({ filter, onChange }: { filter: RequestFilter; onChange: (filter: RequestFilter) => void }) {
  const { t } = useTranslation('portal')
  const ids = { service: useId(), status: useId() }
  const services = useServices().data ?? []
  return (
    <div className="filters" role="group" aria-label={t('map.filters')}>
      <div className="field">
        <label htmlFor={ids.service}>{t('map.service')}</label>
        <select id={ids.service} value={filter.serviceCode} onChange={(event) => onChange({ ...filter, serviceCode: event.target.value })}>
          <option value="">{t('map.allServices')}</option>
          {services.map((service) => (
            <option key={service.code} value={service.code}>
              {service.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.status}>{t('map.status')}</label>
        <select id={ids.status} value={filter.status} onChange={(event) => onChange({ ...filter, status: event.target.value as RequestFilter['status'] })}>
          <option value="">{t('map.anyStatus')}</option>
          <option value="open">{t('map.open')}</option>
          <option value="closed">{t('map.closed')}</option>
        </select>
      </div>
    </div>
  )
}

/** `/map`: requests of the last 90 days, public fields only, on a map and in an equivalent list. */
export function MapPage() {
  const { t } = useTranslation('portal')
  const dates = useDates()
  const [params, setParams] = useSearchParams()
  const status = params.get('status')
  const filter: RequestFilter = { serviceCode: params.get('service') ?? '', status: status === 'open' || status === 'closed' ? status : '' }
  const requests = usePublicRequests(filter)
  const items = requests.data ?? []

  function refilter(next: RequestFilter) {
    const query: Record<string, string> = {}
    if (next.serviceCode) query.service = next.serviceCode
    if (next.status) query.status = next.status
    setParams(query, { replace: true })
  }

  return (
    <div className="portal map-page">
      <h1>{t('map.title')}</h1>
      <p>{t('map.intro')}</p>
      <Filters filter={filter} onChange={refilter} />
      {requests.isPending && <p role="status">{t('map.loading')}</p>}
      {requests.isError && (
        <p role="alert" className="error">
          {t('map.failed')}
        </p>
      )}
      {/* Leaflet comes once the list is there: the page is readable first on a slow phone. */}
      {requests.isSuccess ? (
        <Suspense fallback={<div className="requests-map" />}>
          <RequestsMap items={items} />
        </Suspense>
      ) : (
        <div className="requests-map" />
      )}
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('map.listTitle')}</h2>
        {requests.isSuccess && <p role="status">{t('map.count', { count: items.length })}</p>}
        {items.length > 0 && (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="list-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('map.number')}</th>
                  <th scope="col">{t('map.service')}</th>
                  <th scope="col">{t('map.status')}</th>
                  <th scope="col">{t('map.where')}</th>
                  <th scope="col">{t('map.requested')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.number}>
                    <td>
                      <Link to={`/status/${encodeURIComponent(item.number)}`}>{item.number}</Link>
                    </td>
                    <td>{item.service_name}</td>
                    <td>{t(statusKey(item.status))}</td>
                    <td>{item.address ?? t('map.noAddress')}</td>
                    <td>
                      <time dateTime={item.requested_at}>{dates.day(item.requested_at)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}

export default MapPage
