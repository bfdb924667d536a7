import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDates } from '../../shared/useDates'
import type { NameOf } from '../../shared/useNames'
import { slaState } from './sla'
import type { ServiceRequest } from './useQueue'

type Props = {
  items: readonly ServiceRequest[]
  serviceName: NameOf
  departmentName: NameOf
  showDepartment: boolean
  now: Date
}

export function QueueTable({ items, serviceName, departmentName, showDepartment, now }: Props) {
  const { t } = useTranslation('queues')
  const when = useDates().dateTime
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
              <td>{serviceName(request.service_code)}</td>
              <td>{t(`status.${request.status}`)}</td>
              <td>{t(`priority.${request.priority}`)}</td>
              {showDepartment && <td>{departmentName(request.department)}</td>}
              <td>{request.location.address ?? request.location.hint ?? t('noLocation')}</td>
              <td>{when(request.requested_at)}</td>
              <td>
                {when(request.expected_datetime)}
                {(sla === 'overdue' || sla === 'due_soon') && <span className={`badge badge-${sla}`}>{t(`sla.${sla}`)}</span>}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
