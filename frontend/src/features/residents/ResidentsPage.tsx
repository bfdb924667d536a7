import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { fullName, MIN_QUERY, useResidentSearch } from './useResidents'
import './residents.css'

/** Find a resident by name, phone, email or address; the search is kept in the URL (?q=). */
export function ResidentsPage() {
  const { t } = useTranslation('residents')
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const [text, setText] = useState(q)
  const [tooShort, setTooShort] = useState(false)
  const search = useResidentSearch(q)
  const id = useId()
  const items = search.data?.items ?? []

  function submit(event: FormEvent) {
    event.preventDefault()
    const value = text.trim()
    setTooShort(value.length < MIN_QUERY)
    if (value.length >= MIN_QUERY) setParams({ q: value })
  }

  return (
    <section className="residents" aria-labelledby="residents-title">
      <h1 id="residents-title">{t('title')}</h1>
      <form role="search" aria-label={t('search.label')} className="resident-search" onSubmit={submit}>
        <div className="field">
          <label htmlFor={id}>{t('search.text')}</label>
          <input id={id} type="search" data-shortcut="search" maxLength={200} value={text} aria-invalid={tooShort} onChange={(event) => setText(event.target.value)} />
        </div>
        <button type="submit">{t('search.submit')}</button>
      </form>
      {tooShort && (
        <p role="alert" className="error">
          {t('search.tooShort')}
        </p>
      )}
      {search.isFetching && <p role="status">{t('loading')}</p>}
      {search.isError && (
        <p role="alert" className="error">
          {t('failed', { message: search.error.message })}
        </p>
      )}
      {search.data && items.length === 0 && <p>{t('results.empty')}</p>}
      {items.length > 0 && (
        <table className="resident-table">
          <caption>{t('results.caption', { count: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.name')}</th>
              <th scope="col">{t('results.phones')}</th>
              <th scope="col">{t('results.emails')}</th>
              <th scope="col">{t('results.address')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((resident) => (
              <tr key={resident.id}>
                <th scope="row">
                  <Link to={`/residents/${resident.id}`}>{fullName(resident) || t('unnamed')}</Link>
                </th>
                <td>{resident.phones.join(', ')}</td>
                <td>{resident.emails.join(', ')}</td>
                <td>{resident.address}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

export default ResidentsPage
