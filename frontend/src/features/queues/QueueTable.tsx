import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { slaState } from './sla'
import type { ServiceRequest } from './useQueue'

type Props = {
  items: readonly ServiceRequest[]
  serviceNames: ReadonlyMap<string, string>
  departmentNames: ReadonlyMap<string, string>
  showDepartment: boolean
  now: Date
}

export function QueueTable({ items, serviceNames, departmentNames, showDepartment, now }: Props) {
  const { t, i18n } = useTranslation('queues')
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  if (items.length === 0) return <p>{t('empty')}</p>
  return (
    <table className="queue-table">
      <caption>{t('table.caption', { count: items.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('table.reference')}</th>
          <th scope="col">{t('table.service')}</th>
          <th scope="col">{t('table.status')}</th>
          <th scope="col">{t('table.priority')}</th>
          {showDepartment && <th scope="col">{t('table.department')}</th>}
          <th scope="col">{t('table.location')}</th>
          <th scope="col">{t('table.requested')}</th>
          <th scope="col">{t('table.due')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((request) => {
          const sla = slaState(request.expected_datetime, request.status, now)
          return (
            <tr key={request.id}>
              <th scope="row">
                <Link to={`/requests/${encodeURIComponent(request.id)}`}>{request.id}</Link>
              </th>
              <td>{serviceNames.get(request.service_code) ?? request.service_code}</td>
              <td>{t(`status.${request.status}`)}</td>
              <td>{t(`priority.${request.priority}`)}</td>
              {showDepartment && <td>{departmentNames.get(request.department) ?? request.department}</td>}
              <td>{request.location.address ?? request.location.hint ?? t('noLocation')}</td>
              <td>{when.format(new Date(request.requested_at))}</td>
              <td>
                {request.expected_datetime ? when.format(new Date(request.expected_datetime)) : '—'}
                {(sla === 'overdue' || sla === 'due_soon') && <span className={`badge badge-${sla}`}>{t(`sla.${sla}`)}</span>}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
