import { useTranslation } from 'react-i18next'
import type { Referral as ReferralTarget } from '../../../api/queries/portal'

/** Outside the area the city serves: who to contact instead, and how. */
export function Referral({ referral }: { referral: ReferralTarget | null }) {
  const { t } = useTranslation('portal')
  return (
    <div className="banner warn" role="alert">
      <p>
        <strong>{t('location.outside')}</strong>
      </p>
      {referral && (
        <>
          {referral.name && <p>{t('location.contactInstead', { name: referral.name })}</p>}
          <ul>
            {referral.phone && (
              <li>
                {t('location.phone')} <a href={`tel:${referral.phone}`}>{referral.phone}</a>
              </li>
            )}
            {referral.url && (
              <li>
                <a href={referral.url}>{referral.url}</a>
              </li>
            )}
            {referral.email && (
              <li>
                <a href={`mailto:${referral.email}`}>{referral.email}</a>
              </li>
            )}
          </ul>
          {referral.note && <p>{referral.note}</p>}
        </>
      )}
    </div>
  )
}
