import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDates } from '../../shared/useDates'
import type { NameOf } from '../../shared/useNames'
import type { ServiceRequest } from './useQueue'

type Props = {
  items: readonly ServiceRequest[]
  serviceName: NameOf
  departmentName: NameOf
  showDepartment: boolean
}

/** The API says what is due soon or overdue (one rule with the server's escalation). */
function slaBadge(request: ServiceRequest): 'overdue' | 'due_soon' | null {
  if (request.overdue) return 'overdue'
  return request.due_soon ? 'due_soon' : null
}

export function QueueTable({ items, serviceName, departmentName, showDepartment }: Props) {
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
          <th scope="col">{t('table.channel')}</th>
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
          const sla = slaBadge(request)
          return (
            <tr key={request.id}>
              <th scope="row">
                <Link to={`/requests/${encodeURIComponent(request.id)}`}>{request.id}</Link>
              </th>
              <td>{serviceName(request.service_code)}</td>
              <td>{t(`feedback.channels.${request.channel}`)}</td>
              <td>{t(`status.${request.status}`)}</td>
              <td>{t(`priority.${request.priority}`)}</td>
              {showDepartment && <td>{departmentName(request.department)}</td>}
              <td>{request.location.address ?? request.location.hint ?? t('noLocation')}</td>
              <td>{when(request.requested_at)}</td>
              <td>
                {when(request.expected_datetime)}
                {sla && <span className={`badge badge-${sla}`}>{t(`sla.${sla}`)}</span>}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
