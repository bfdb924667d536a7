import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDates } from '../../shared/useDates'
import { ContactLinks, reporterName } from './ReporterPanel'
import { useLinked, type LinkedRequest } from './useRequest'

const requestLink = (id: string) => <Link to={`/requests/${encodeURIComponent(id)}`}>{id}</Link>

function Follower({ follower }: { follower: LinkedRequest }) {
  const { t } = useTranslation('request-detail')
  const dates = useDates()
  const reporter = follower.reporter
  return (
    <li>
      <p>
        <strong>{reporterName(reporter) || t('reporter.anonymous')}</strong> <ContactLinks reporter={reporter} />
      </p>
      <p className="muted">
        {requestLink(follower.id)} · <time dateTime={follower.requested_at}>{dates.dateTime(follower.requested_at)}</time> · {t(`channel.${follower.channel}`)}
      </p>
    </li>
  )
}

/** "Also reported by": the requests merged into this one, whose reporters follow it; and the request this one was merged into. */
export function LinkedReports({ requestId }: { requestId: string }) {
  const { t } = useTranslation('request-detail')
  const linked = useLinked(requestId)
  const heading = useId()
  const parent = linked.data?.duplicate_of
  const followers = linked.data?.duplicates ?? []
  return (
    <section className="panel" aria-labelledby={heading}>
      <h2 id={heading}>{t('linked.heading')}</h2>
      {linked.isPending && <p role="status">{t('linked.loading')}</p>}
      {linked.isError && (
        <p role="alert" className="error">
          {t('linked.failed', { message: linked.error.message })}
        </p>
      )}
      {parent && (
        <p>
          {t('linked.duplicateOf')} {requestLink(parent.id)} ({t(`status.${parent.status}`)}), {t('linked.reportedBy', { name: reporterName(parent.reporter) || t('reporter.anonymous') })}
        </p>
      )}
      {linked.data && (
        <>
          <h3>{t('linked.followers', { count: followers.length })}</h3>
          {followers.length === 0 ? (
            <p>{t('linked.none')}</p>
          ) : (
            <ul className="followers">
              {followers.map((follower) => (
                <Follower key={follower.id} follower={follower} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}
