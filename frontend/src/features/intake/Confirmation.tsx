import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useDates } from '../../shared/useDates'
import type { Logged } from './useLogContact'

/** What the agent reads back to the caller, large: the reference number and the expected date. */
export function Confirmation({ logged, onNext }: { logged: Logged; onNext: () => void }) {
  const { t } = useTranslation('intake')
  const { spoken } = useDates()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section className="confirmation" aria-labelledby="confirmation-heading">
      <h1 id="confirmation-heading" ref={heading} tabIndex={-1}>
        {t('done.title')}
      </h1>
      {logged.requests.map((request) => (
        <div key={request.id} className="read-back">
          <p className="read-back-label">{t('done.reference')}</p>
          <p className="reference" data-testid="reference-number">
            {request.id}
          </p>
          <p className="read-back-label">{t('done.expected')}</p>
          <p className="expected" data-testid="expected-date">
            {request.expected_datetime ? spoken(request.expected_datetime) : t('done.noExpected')}
          </p>
        </div>
      ))}
      {logged.linked.map((id) => (
        <p key={id} className="read-back">
          {t('done.linked')} <span className="reference">{id}</span>
        </p>
      ))}
      {logged.requests.length === 0 && logged.linked.length === 0 && <p className="read-back">{t('done.noRequest')}</p>}
      {logged.referral?.target === 'external' && (
        <p className="read-back">
          {t('done.referredTo')} {[logged.referral.agency, logged.referral.phone, logged.referral.url].filter(Boolean).join(' · ')}
        </p>
      )}
      {logged.resolvedOnFirstContact && <p>{t('done.resolved')}</p>}
      <button type="button" onClick={onNext}>
        {t('done.next')}
      </button>
    </section>
  )
}
