import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { ApiError } from '../../api/client'
import { ReportDone } from './report/ReportDone'
import { ReportForm } from './report/ReportForm'
import type { Outcome } from './report/useSubmitReport'
import { useSite } from '../../shared/useSite'
import { useService } from './usePortal'
import './portal.css'

/** `/report/:serviceCode`: the service's form, then its outcome, on one page with one heading. */
export function ReportPage() {
  const { t } = useTranslation('portal')
  const code = useParams().serviceCode ?? ''
  const fromArticle = useSearchParams()[0].get('article')
  const service = useService(code)
  useSite() // the form needs the site's settings: asked for now, beside the service, not after it
  // The form is the page's heaviest render: deferred, React renders it in slices that leave the
  // browser free to answer a tap, rather than in one long task as the answer arrives.
  const shown = useDeferredValue(service.data)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  if (outcome && shown) return <ReportDone outcome={outcome} serviceName={shown.name} />
  if (shown)
    return (
      <div className="portal report">
        <h1>{shown.name}</h1>
        {shown.description && <p>{shown.description}</p>}
        {fromArticle && (
          <p className="hint">
            <Link to={`/answers/${encodeURIComponent(fromArticle)}`}>{t('report.fromArticle')}</Link>
          </p>
        )}
        <p className="hint">{t('report.required')}</p>
        <ReportForm service={shown} onDone={setOutcome} />
      </div>
    )
  const missing = service.error instanceof ApiError && service.error.status === 404
  return (
    <div className="portal">
      <h1>{t('report.title')}</h1>
      {service.isPending || service.data ? (
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
