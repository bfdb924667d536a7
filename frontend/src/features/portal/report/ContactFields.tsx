import { useTranslation } from 'react-i18next'
import type { Contact } from '../../../api/queries/portal'
import type { Errors } from './validate'
import { Field } from './Field'

const FIELDS = [
  ['first_name', 'given-name', 'text'],
  ['last_name', 'family-name', 'text'],
  ['email', 'email', 'email'],
  ['phone', 'tel', 'tel'],
] as const

type Props = { contact: Contact; anonymousAllowed: boolean; errors: Errors; onChange: (contact: Contact) => void }

/** The resident's contact details: optional where the service takes anonymous reports. */
export function ContactFields({ contact, anonymousAllowed, errors, onChange }: Props) {
  const { t } = useTranslation('portal')
  return (
    <fieldset className="report-step">
      <legend>
        <h2>{t('contact.title')}</h2>
      </legend>
      <p className="hint">{anonymousAllowed ? t('contact.optional') : t('contact.needed')}</p>
      <div className="grid-2">
        {FIELDS.map(([name, autoComplete, type]) => (
          <Field key={name} name={`contact.${name}`} label={t(`contact.${name}`)} error={errors[`contact.${name}`]}>
            {(control) => (
              <input {...control} type={type} autoComplete={autoComplete} value={contact[name]} onChange={(event) => onChange({ ...contact, [name]: event.target.value })} />
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  )
}
