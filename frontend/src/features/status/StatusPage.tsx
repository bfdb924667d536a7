import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiError } from '../../api/client'
import { FollowForm } from '../../shared/public/FollowForm'
import { StatusSummary } from './StatusSummary'
import { REFERENCE, usePublicRequest } from './useStatus'
import './status.css'

/** `/status/:number`: the public status of one request, for the resident (no sign-in). */
export function StatusPage() {
  const { t } = useTranslation('status')
  const number = (useParams().number ?? '').trim()
  const loaded = usePublicRequest(number)
  const valid = REFERENCE.test(number)
  const missing = !valid || (loaded.isSuccess && !loaded.data) || (loaded.error instanceof ApiError && loaded.error.status === 404)

  return (
    <section className="status-page" aria-labelledby="status-title">
      <h1 id="status-title">{t('title', { number })}</h1>
      {valid && loaded.isPending && <p role="status">{t('loading')}</p>}
      {missing && (
        <p role="alert" className="error">
          {t('notFound', { number })}
        </p>
      )}
      {!missing && loaded.isError && (
        <p role="alert" className="error">
          {t('failed')}
        </p>
      )}
      {loaded.data && <StatusSummary request={loaded.data} />}
      {loaded.data && loaded.data.status === 'open' && <FollowForm number={number} />}
      <p>
        <Link to="/status">{t('another')}</Link>
      </p>
    </section>
  )
}

export default StatusPage
