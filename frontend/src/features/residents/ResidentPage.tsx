import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiError } from '../../api/client'
import { useDates } from '../../shared/useDates'
import { useServiceNames } from '../../shared/useNames'
import { ErasurePanel } from './ErasurePanel'
import { ResidentCases, ResidentRequests } from './ResidentHistory'
import {
  fullName,
  useResident,
  useTurnEmailsBackOn,
  type EmailOptOut,
  type ResidentHistory,
} from './useResidents'
import './residents.css'

type TurnBackOn = ReturnType<typeof useTurnEmailsBackOn>

/** One address; when it opted out of resident emails, since when and how, and the way back. */
function EmailLine({ address, optOut, turnBackOn }: { address: string; optOut?: EmailOptOut; turnBackOn: TurnBackOn }) {
  const { t } = useTranslation('residents')
  const ids = { address: useId(), note: useId() }
  const { day } = useDates()
  const busy = turnBackOn.isPending && turnBackOn.variables === address
  return (
    <li>
      <span id={ids.address}>{address}</span>
      {optOut && (
        <>
          {' '}
          <span id={ids.note} className="resident-opt-out">
            {t('profile.optOut.stopped', {
              date: day(optOut.opted_out_at),
              how: t(`profile.optOut.source.${optOut.source}`),
            })}
          </span>{' '}
          <button
            type="button"
            aria-describedby={`${ids.address} ${ids.note}`}
            disabled={turnBackOn.isPending}
            onClick={() => turnBackOn.mutate(address)}
          >
            {busy ? t('profile.optOut.resuming') : t('profile.optOut.resume')}
          </button>
        </>
      )}
    </li>
  )
}

function Emails({ resident }: { resident: ResidentHistory }) {
  const { t } = useTranslation('residents')
  const turnBackOn = useTurnEmailsBackOn(resident.id)
  const optOuts = new Map(resident.email_opt_outs.map((optOut) => [optOut.address, optOut]))
  return (
    <>
      <ul className="resident-emails">
        {resident.emails.map((address) => (
          <EmailLine key={address} address={address} optOut={optOuts.get(address)} turnBackOn={turnBackOn} />
        ))}
      </ul>
      {turnBackOn.isSuccess && (
        <p role="status">{t('profile.optOut.resumed', { address: turnBackOn.variables })}</p>
      )}
      {turnBackOn.isError && (
        <p role="alert" className="error">
          {t('profile.optOut.failed', { message: turnBackOn.error.message })}
        </p>
      )}
    </>
  )
}

/** The phones; one that texted STOP says so. Only the resident turns texts back on (START). */
function Phones({ resident }: { resident: ResidentHistory }) {
  const { t } = useTranslation('residents')
  const { day } = useDates()
  const stopped = new Map((resident.sms_opt_outs ?? []).map((optOut) => [optOut.phone, optOut]))
  return (
    <ul className="resident-emails">
      {resident.phones.map((phone) => {
        const optOut = stopped.get(phone)
        return (
          <li key={phone}>
            {phone}
            {optOut && (
              <>
                {' '}
                <span className="resident-opt-out">{t('profile.textStop', { date: day(optOut.opted_out_at) })}</span>
              </>
            )}
          </li>
        )
      })}
    </ul>
  )
}

function Profile({ resident }: { resident: ResidentHistory }) {
  const { t } = useTranslation('residents')
  const { day } = useDates()
  const none = t('profile.none')
  const facts: [string, ReactNode][] = [
    [t('profile.phones'), resident.phones.length ? <Phones resident={resident} /> : none],
    [t('profile.emails'), resident.emails.length ? <Emails resident={resident} /> : none],
    [t('profile.address'), resident.address ?? none],
    [t('profile.language'), resident.preferred_language ?? none],
    [t('profile.updates'), t(`profile.contactPreference.${resident.contact_preference}`)],
    [t('profile.since'), day(resident.created_at)],
  ]
  return (
    <section className="panel" aria-labelledby="resident-profile">
      <h2 id="resident-profile">{t('profile.heading')}</h2>
      <dl className="resident-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

/** A resident's record: contact details, their contacts (cases) and their requests. */
export function ResidentPage() {
  const { t } = useTranslation('residents')
  const id = useParams().id ?? ''
  const resident = useResident(id)
  const serviceName = useServiceNames()

  if (resident.isPending) return <p role="status">{t('loading')}</p>
  if (resident.isError) {
    const missing = resident.error instanceof ApiError && [404, 422].includes(resident.error.status)
    return (
      <section>
        <p role="alert" className="error">
          {missing ? t('notFound') : t('failed', { message: resident.error.message })}
        </p>
        <Link to="/residents">{t('back')}</Link>
      </section>
    )
  }
  const data = resident.data
  return (
    <article className="residents" aria-labelledby="resident-name">
      <p>
        <Link to="/residents">{t('back')}</Link>
      </p>
      <h1 id="resident-name">{fullName(data) || t('unnamed')}</h1>
      <Profile resident={data} />
      <ResidentCases cases={data.cases} />
      <ResidentRequests requests={data.requests} serviceName={serviceName} />
      <ErasurePanel residentId={data.id} />
    </article>
  )
}

export default ResidentPage
