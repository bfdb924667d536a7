import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ApiError } from '../../api/client'
import { useUnsubscribe } from './useUnsubscribe'
import './unsubscribe.css'

function failure(error: Error, t: (key: string) => string): string {
  if (error instanceof ApiError && (error.status === 400 || error.status === 422)) return t('invalid')
  if (error instanceof ApiError && error.status === 429) return t('tooMany')
  return t('failed')
}

/**
 * `/unsubscribe?token=…`: the link at the bottom of every resident email. Opening it changes
 * nothing (mail scanners follow links); the resident presses the button to stop the emails.
 */
export function UnsubscribePage() {
  const { t } = useTranslation('unsubscribe')
  const token = (useSearchParams()[0].get('token') ?? '').trim()
  const unsubscribe = useUnsubscribe()
  const ids = { explain: useId(), note: useId() }

  return (
    <section className="unsubscribe-page" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{t('title')}</h1>
      {!token && (
        <p role="alert" className="error">
          {t('missing')}
        </p>
      )}
      {token && unsubscribe.isSuccess && (
        <p role="status" className="panel">
          {t('done')}
        </p>
      )}
      {token && !unsubscribe.isSuccess && (
        <>
          <p id={ids.explain}>{t('explain')}</p>
          <p id={ids.note} className="muted">
            {t('note')}
          </p>
          <div className="actions">
            <button
              type="button"
              aria-describedby={`${ids.explain} ${ids.note}`}
              disabled={unsubscribe.isPending}
              onClick={() => unsubscribe.mutate(token)}
            >
              {unsubscribe.isPending ? t('stopping') : t('stop')}
            </button>
          </div>
          {unsubscribe.isError && (
            <p role="alert" className="error">
              {failure(unsubscribe.error, t)}
            </p>
          )}
        </>
      )}
      <p>
        <Link to="/status">{t('status')}</Link>
      </p>
    </section>
  )
}

export default UnsubscribePage
