import { useTranslation } from 'react-i18next'
import type { Triage } from './queries'

type Props = { triage: Triage | undefined; onService: (code: string) => void }

/** 911 for emergencies, 988 for suicide or self-harm, 211 for social services, and the services the caller's words point to. */
export function TriageBanners({ triage, onService }: Props) {
  const { t } = useTranslation('intake')
  if (!triage) return null
  return (
    <div className="triage">
      {triage.emergency && (
        <p role="alert" className="banner danger">
          <strong>{t('triage.emergency')}</strong> {triage.emergency_terms.join(', ')}
        </p>
      )}
      {triage.crisis && (
        <p role="alert" className="banner danger">
          <strong>{t('triage.crisis')}</strong> {triage.crisis_terms.join(', ')}
        </p>
      )}
      {triage.social_services && (
        <p role="alert" className="banner warn">
          <strong>{t('triage.social')}</strong> {triage.social_services_terms.join(', ')}
        </p>
      )}
      {triage.suggested_services.length > 0 && (
        <p>
          <span>{t('triage.services')}</span>{' '}
          {triage.suggested_services.map((service) => (
            <button key={service.service_code} type="button" className="secondary chip" onClick={() => onService(service.service_code)}>
              {service.name}
            </button>
          ))}
        </p>
      )}
    </div>
  )
}
