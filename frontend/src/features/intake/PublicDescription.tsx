import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { PersonalDataWarning } from '../../shared/PersonalDataWarning'

/**
 * The request's description: public (the status page, Open311), so it says so, and warns when it
 * seems to hold the caller's name, an email or a phone number. The caller's own words stay in the
 * notes, which only staff read.
 */
export function PublicDescription({ value, onChange, callerNames }: { value: string; onChange: (value: string) => void; callerNames: readonly (string | null | undefined)[] }) {
  const { t } = useTranslation('intake')
  const id = useId()
  return (
    <>
      <label htmlFor={id}>{t('service.description')}</label>
      <p id={`${id}-hint`} className="muted">
        {t('service.descriptionHint')}
      </p>
      <textarea id={id} rows={2} maxLength={4000} value={value} aria-describedby={`${id}-hint ${id}-warning`} onChange={(event) => onChange(event.target.value)} />
      <PersonalDataWarning id={`${id}-warning`} text={value} names={callerNames} />
    </>
  )
}
