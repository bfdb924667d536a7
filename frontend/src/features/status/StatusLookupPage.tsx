import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ApiError } from '../../api/client'
import { REFERENCE, useLookup, useServiceNames, type RequestBrief } from './useStatus'
import './status.css'

function ByReference() {
  const { t } = useTranslation('status')
  const navigate = useNavigate()
  const [number, setNumber] = useState('')
  const [invalid, setInvalid] = useState(false)
  const ids = { heading: useId(), number: useId(), hint: useId(), error: useId() }

  function submit(event: FormEvent) {
    event.preventDefault()
    const reference = number.trim()
    if (!REFERENCE.test(reference)) return setInvalid(true)
    void navigate(`/status/${encodeURIComponent(reference)}`)
  }

  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('lookup.byReference')}</h2>
      <form onSubmit={submit} className="status-form" noValidate>
        <label htmlFor={ids.number}>{t('lookup.reference')}</label>
        <input
          id={ids.number}
          value={number}
          required
          autoComplete="off"
          aria-describedby={invalid ? `${ids.hint} ${ids.error}` : ids.hint}
          aria-invalid={invalid || undefined}
          onChange={(event) => {
            setNumber(event.target.value)
            setInvalid(false)
          }}
        />
        <p id={ids.hint} className="muted">
          {t('lookup.referenceHint')}
        </p>
        {invalid && (
          <p id={ids.error} role="alert" className="error">
            {t('lookup.badReference')}
          </p>
        )}
        <button type="submit">{t('lookup.show')}</button>
      </form>
    </section>
  )
}

function lookupError(error: Error, t: (key: string) => string): string {
  if (error instanceof ApiError && error.status === 429) return t('lookup.tooMany')
  if (error instanceof ApiError && error.status === 422) return t('lookup.invalid')
  return t('lookup.failed')
}

function Results({ items }: { items: RequestBrief[] }) {
  const { t } = useTranslation('status')
  const names = useServiceNames().data
  if (items.length === 0) return <p role="status">{t('lookup.noneFound')}</p>
  return (
    <>
      <p role="status">{t('lookup.found', { count: items.length })}</p>
      <ul className="status-results">
        {items.map((item) => (
          <li key={item.id}>
            <Link to={`/status/${encodeURIComponent(item.id)}`}>{item.id}</Link> — {names?.get(item.service_code) ?? item.service_code} ·{' '}
            {t(`statuses.${item.status}.label`)}
          </li>
        ))}
      </ul>
    </>
  )
}

function ByContact() {
  const { t } = useTranslation('status')
  const lookup = useLookup()
  const [email, setEmail] = useState('')
  const [lastName, setLastName] = useState('')
  const ids = { heading: useId(), email: useId(), lastName: useId(), hint: useId() }

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!email.trim() || !lastName.trim()) return
    lookup.mutate({ email: email.trim(), last_name: lastName.trim() })
  }

  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('lookup.byContact')}</h2>
      <p id={ids.hint} className="muted">
        {t('lookup.contactHint')}
      </p>
      <form onSubmit={submit} className="status-form" aria-describedby={ids.hint}>
        <label htmlFor={ids.email}>{t('lookup.email')}</label>
        <input id={ids.email} type="email" autoComplete="email" required maxLength={254} value={email} onChange={(event) => setEmail(event.target.value)} />
        <label htmlFor={ids.lastName}>{t('lookup.lastName')}</label>
        <input id={ids.lastName} autoComplete="family-name" required maxLength={200} value={lastName} onChange={(event) => setLastName(event.target.value)} />
        <button type="submit" disabled={lookup.isPending}>
          {t('lookup.find')}
        </button>
      </form>
      {lookup.isError && (
        <p role="alert" className="error">
          {lookupError(lookup.error, t)}
        </p>
      )}
      {lookup.isSuccess && <Results items={lookup.data.items} />}
    </section>
  )
}

/** `/status`: find a request by its reference, or by the email and last name given with it. */
export function StatusLookupPage() {
  const { t } = useTranslation('status')
  return (
    <section className="status-page" aria-labelledby="lookup-title">
      <h1 id="lookup-title">{t('lookup.title')}</h1>
      <p>{t('lookup.intro')}</p>
      <div className="status-columns">
        <ByReference />
        <ByContact />
      </div>
    </section>
  )
}

export default StatusLookupPage
