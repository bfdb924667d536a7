import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { ApiError } from '../../api/client'
import { ReportDone } from './report/ReportDone'
import { ReportForm } from './report/ReportForm'
import type { Outcome } from './report/useSubmitReport'
import { useService } from './usePortal'
import './portal.css'

/** `/report/:serviceCode`: the service's form, then its outcome, on one page with one heading. */
export function ReportPage() {
  const { t } = useTranslation('portal')
  const code = useParams().serviceCode ?? ''
  const fromArticle = useSearchParams()[0].get('article')
  const service = useService(code)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  if (outcome && service.data) return <ReportDone outcome={outcome} serviceName={service.data.name} />
  if (service.data)
    return (
      <div className="portal report">
        <h1>{service.data.name}</h1>
        {service.data.description && <p>{service.data.description}</p>}
        {fromArticle && (
          <p className="hint">
            <Link to={`/answers/${encodeURIComponent(fromArticle)}`}>{t('report.fromArticle')}</Link>
          </p>
        )}
        <p className="hint">{t('report.required')}</p>
        <ReportForm service={service.data} onDone={setOutcome} />
      </div>
    )
  const missing = service.error instanceof ApiError && service.error.status === 404
  return (
    <div className="portal">
      <h1>{t('report.title')}</h1>
      {service.isPending ? (
        <p role="status">{t('report.loading')}</p>
      ) : (
        <p role="alert" className="error">
          {missing ? t('report.notFound') : t('report.failed')}
        </p>
      )}
      <p>
        <Link to="/report">{t('report.allServices')}</Link>
      </p>
    </div>
  )
}

export default ReportPage
