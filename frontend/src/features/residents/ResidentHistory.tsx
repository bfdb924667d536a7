import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDates } from '../../shared/useDates'
import type { NameOf } from '../../shared/useNames'
import type { ResidentHistory } from './useResidents'

const requestLink = (id: string) => <Link to={`/requests/${encodeURIComponent(id)}`}>{id}</Link>

export function ResidentCases({ cases }: { cases: ResidentHistory['cases'] }) {
  const { t } = useTranslation('residents')
  const when = useDates().dateTime
  return (
    <section aria-labelledby="resident-cases">
      <h2 id="resident-cases">{t('cases.heading')}</h2>
      {cases.length === 0 ? (
        <p>{t('cases.empty')}</p>
      ) : (
        <table className="resident-table">
          <caption>{t('cases.caption', { count: cases.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.when')}</th>
              <th scope="col">{t('cases.channel')}</th>
              <th scope="col">{t('cases.type')}</th>
              <th scope="col">{t('cases.summary')}</th>
              <th scope="col">{t('cases.agent')}</th>
              <th scope="col">{t('cases.requests')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((item) => (
              <tr key={item.id}>
                <td>{when(item.started_at ?? item.created_at)}</td>
                <td>{t(`channel.${item.channel}`)}</td>
                <td>{t(`type.${item.type}`)}</td>
                <td>{item.summary}</td>
                <td>{item.agent.name ?? '—'}</td>
                <td>
                  <ul className="resident-links">
                    {item.request_ids.map((id) => (
                      <li key={id}>{requestLink(id)}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

type RequestsProps = { requests: ResidentHistory['requests']; serviceName: NameOf }

export function ResidentRequests({ requests, serviceName }: RequestsProps) {
  const { t } = useTranslation('residents')
  const when = useDates().dateTime
  return (
    <section aria-labelledby="resident-requests">
      <h2 id="resident-requests">{t('requests.heading')}</h2>
      {requests.length === 0 ? (
        <p>{t('requests.empty')}</p>
      ) : (
        <table className="resident-table">
          <caption>{t('requests.caption', { count: requests.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('requests.reference')}</th>
              <th scope="col">{t('requests.service')}</th>
              <th scope="col">{t('requests.status')}</th>
              <th scope="col">{t('requests.requested')}</th>
              <th scope="col">{t('requests.closed')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.id}>
                <th scope="row">{requestLink(request.id)}</th>
                <td>{serviceName(request.service_code)}</td>
                <td>{t(`status.${request.status}`)}</td>
                <td>{when(request.requested_at)}</td>
                <td>{request.open ? t('requests.open') : when(request.closed_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
