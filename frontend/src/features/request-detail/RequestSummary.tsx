import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ServiceRequest } from './useRequest'

type Props = { request: ServiceRequest; serviceName: string; departmentName: string; assigneeName: string | null }

export function RequestSummary({ request, serviceName, departmentName, assigneeName }: Props) {
  const { t, i18n } = useTranslation('request-detail')
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  const date = (value: string | null) => (value ? when.format(new Date(value)) : '—')
  const reporter = [request.reporter.first_name, request.reporter.last_name].filter(Boolean).join(' ')
  const rows: [string, ReactNode][] = [
    [t('summary.service'), serviceName],
    [t('summary.status'), t(`status.${request.status}`)],
    ...(request.close_reason ? [[t('summary.closeReason'), t(`closeReasons.${request.close_reason}`)] as [string, string]] : []),
    [t('summary.priority'), t(`priority.${request.priority}`)],
    [t('summary.department'), departmentName],
    [t('summary.assignee'), assigneeName ?? t('summary.unassigned')],
    [t('summary.location'), request.location.address ?? request.location.hint ?? t('summary.noLocation')],
    [t('summary.requested'), date(request.requested_at)],
    [t('summary.due'), date(request.expected_datetime)],
    ...(request.closed_at ? [[t('summary.closed'), date(request.closed_at)] as [string, string]] : []),
    [t('summary.channel'), t(`channel.${request.channel}`)],
    [t('summary.reporter'), reporter || t('summary.anonymous')],
  ]
  if (request.duplicate_of) {
    rows.push([t('summary.duplicateOf'), <Link to={`/requests/${encodeURIComponent(request.duplicate_of)}`}>{request.duplicate_of}</Link>])
  }
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
