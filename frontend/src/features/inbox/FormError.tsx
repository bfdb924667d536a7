import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'

/** What the API refused and why, field by field when it says so. */
export function FormError({ error }: { error: Error | null }) {
  const { t } = useTranslation('inbox')
  if (!error) return null
  const conflict = error instanceof ApiError && (error.status === 409 || error.status === 412)
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : []
  return (
    <div role="alert" className="banner danger">
      <p>{conflict ? t('form.conflict') : t('form.failed', { message: error.message })}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((field) => (
            <li key={`${field.field}-${field.message}`}>
              {field.field}: {field.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
