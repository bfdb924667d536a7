import { useId, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { components } from '../../api/client'

type ReferralTarget = components['schemas']['ReferralTarget']

export type Outcome = {
  referral: '' | ReferralTarget
  agency: string
  agencyPhone: string
  agencyUrl: string
  resolved: boolean
}

type Props = {
  value: Outcome
  onChange: (change: Partial<Outcome>) => void
  isReferral: boolean
  agencyRef?: Ref<HTMLInputElement>
}

/** How the contact ended: a referral (911, 211 or another agency, to read out) and first-contact resolution. */
export function OutcomeSection({ value, onChange, isReferral, agencyRef }: Props) {
  const { t } = useTranslation('intake')
  const id = useId()
  return (
    <section className="panel outcome" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('outcome.title')}</h2>
      <div role="status">{isReferral && <p className="banner info">{t('outcome.isReferral')}</p>}</div>
      <span className="field">
        <label htmlFor={`${id}-referral`}>{t('outcome.referral')}</label>
        <select id={`${id}-referral`} value={value.referral} onChange={(event) => onChange({ referral: event.target.value as Outcome['referral'] })}>
          <option value="">{t('outcome.noReferral')}</option>
          <option value="911">{t('outcome.911')}</option>
          <option value="211">{t('outcome.211')}</option>
          <option value="external">{t('outcome.external')}</option>
        </select>
      </span>
      {value.referral === 'external' && (
        <>
          <span className="field">
            <label htmlFor={`${id}-agency`}>{t('outcome.agency')}</label>
            <input id={`${id}-agency`} ref={agencyRef} value={value.agency} onChange={(event) => onChange({ agency: event.target.value })} />
          </span>
          <span className="field">
            <label htmlFor={`${id}-agency-phone`}>{t('outcome.agencyPhone')}</label>
            <input id={`${id}-agency-phone`} type="tel" value={value.agencyPhone} onChange={(event) => onChange({ agencyPhone: event.target.value })} />
          </span>
          <span className="field">
            <label htmlFor={`${id}-agency-url`}>{t('outcome.agencyUrl')}</label>
            <input id={`${id}-agency-url`} type="url" value={value.agencyUrl} onChange={(event) => onChange({ agencyUrl: event.target.value })} />
          </span>
        </>
      )}
      <label className="check">
        <input type="checkbox" checked={value.resolved} onChange={(event) => onChange({ resolved: event.target.checked })} /> {t('outcome.resolved')}
      </label>
    </section>
  )
}
