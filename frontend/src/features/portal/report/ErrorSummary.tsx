import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldId } from './Field'
import type { Errors } from './validate'

/**
 * The form's problems at its top, announced and focused after a refused submit, each a link to
 * its field (where the same message sits next to it).
 */
export function ErrorSummary({ errors, attempt }: { errors: Errors; attempt: number }) {
  const { t } = useTranslation('portal')
  const box = useRef<HTMLDivElement>(null)
  const entries = Object.entries(errors)

  useEffect(() => {
    if (attempt > 0) box.current?.focus()
  }, [attempt])

  return (
    <div ref={box} tabIndex={-1} role="alert" className={entries.length ? 'error-summary' : undefined}>
      {entries.length > 0 && (
        <>
          <h2>{t('errors.summary', { count: entries.length })}</h2>
          <ul>
            {entries.map(([field, message]) => (
              <li key={field}>{field ? <a href={`#${fieldId(field)}`}>{message}</a> : message}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
