import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useDates } from '../../shared/useDates'
import type { ServiceRequest } from './useRequest'

type Props = { request: ServiceRequest; serviceName: string; departmentName: string; assigneeName: string | null }

/** The due date, and the API's word on it: due soon or overdue (the server's one rule). */
function DueDate({ request, date }: { request: ServiceRequest; date: string }) {
  const { t } = useTranslation('request-detail')
  const flag = request.overdue ? 'overdue' : request.due_soon ? 'dueSoon' : null
  return (
    <>
      {date}
      {flag && <span className={`sla-flag sla-flag-${flag}`}>{t(`summary.${flag}`)}</span>}
    </>
  )
}

export function RequestSummary({ request, serviceName, departmentName, assigneeName }: Props) {
  const { t } = useTranslation('request-detail')
  const date = useDates().dateTime
  const rows: [string, ReactNode][] = [
    [t('summary.service'), serviceName],
    [t('summary.status'), t(`status.${request.status}`)],
    ...(request.close_reason ? [[t('summary.closeReason'), t(`closeReasons.${request.close_reason}`)] as [string, string]] : []),
    [t('summary.priority'), t(`priority.${request.priority}`)],
    [t('summary.department'), departmentName],
    [t('summary.assignee'), assigneeName ?? t('summary.unassigned')],
    [t('summary.location'), request.location.address ?? request.location.hint ?? t('summary.noLocation')],
    [t('summary.requested'), date(request.requested_at)],
    [t('summary.due'), <DueDate key="due" request={request} date={date(request.expected_datetime)} />],
    ...(request.closed_at ? [[t('summary.closed'), date(request.closed_at)] as [string, string]] : []),
    [t('summary.channel'), t(`channel.${request.channel}`)],
  ]
  return (
    <section className="panel" aria-labelledby="request-summary">
      <h2 id="request-summary">{t('summary.heading')}</h2>
      <dl className="detail-list">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('summary.description')}</h3>
      <p className="detail-description">{request.description || '—'}</p>
    </section>
  )
}
