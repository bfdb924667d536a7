import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDates } from '../../../shared/useDates'
import type { Outcome } from './useSubmitReport'

/** After the report: the reference number, the expected date and the way to follow it. */
export function ReportDone({ outcome, serviceName }: { outcome: Outcome; serviceName: string }) {
  const { t } = useTranslation('portal')
  const dates = useDates()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const status = `/status/${encodeURIComponent(outcome.number)}`
  return (
    <div className="portal report-done">
      <h1 ref={heading} tabIndex={-1}>
        {t('done.title')}
      </h1>
      <div className="read-back">
        <p className="read-back-label">{t('done.reference', { service: serviceName })}</p>
        <p className="reference">{outcome.number}</p>
        <p className="read-back-label">{t('done.expected')}</p>
        <p className="expected">{outcome.expected_at ? dates.longDay(outcome.expected_at) : t('done.noExpected')}</p>
      </div>
      {outcome.photoError && (
        <p className="banner warn" role="alert">
          {t('done.photoError', { reason: outcome.photoError })}
        </p>
      )}
      <p>{t('done.keep')}</p>
      <p>
        <Link to={status}>{t('done.follow')}</Link>
      </p>
      <p>
        <Link to="/report">{t('done.another')}</Link>
      </p>
    </div>
  )
}
