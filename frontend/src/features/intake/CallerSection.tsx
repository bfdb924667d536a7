import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useResidentSearch, type Resident } from './queries'

export type NewCaller = { first_name: string; last_name: string; phone: string; email: string }
export type Caller = { anonymous: boolean; resident: Resident | null; newCaller: NewCaller }
export const NO_CALLER: Caller = {
  anonymous: false,
  resident: null,
  newCaller: { first_name: '', last_name: '', phone: '', email: '' },
}

export function residentName(resident: Resident): string {
  return [resident.first_name, resident.last_name].filter(Boolean).join(' ') || resident.emails[0] || resident.phones[0] || '—'
}

/** Identify the caller: find them among residents, take down a new one, or log them as anonymous. */
export function CallerSection({ value, onChange }: { value: Caller; onChange: (caller: Caller) => void }) {
  const { t } = useTranslation('intake')
  const id = useId()
  const [search, setSearch] = useState('')
  const found = useResidentSearch(value.resident || value.anonymous ? '' : search)
  const field = (key: keyof NewCaller) => ({
    id: `${id}-${key}`,
    value: value.newCaller[key],
    onChange: (event: { target: { value: string } }) => onChange({ ...value, newCaller: { ...value.newCaller, [key]: event.target.value } }),
  })

  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>{t('caller.title')}</h2>
      <label className="check">
        <input type="checkbox" checked={value.anonymous} onChange={(event) => onChange({ ...NO_CALLER, anonymous: event.target.checked })} />{' '}
        {t('caller.anonymous')}
      </label>
      {value.resident && (
        <p>
          <strong>{t('caller.selected')}</strong> {residentName(value.resident)} {value.resident.phones[0] ?? ''}{' '}
          <button type="button" className="secondary" onClick={() => onChange(NO_CALLER)}>
            {t('caller.change')}
          </button>
        </p>
      )}
      {!value.anonymous && !value.resident && (
        <>
          <label htmlFor={`${id}-search`}>{t('caller.search')}</label>
          <input id={`${id}-search`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
          {found.data && (
            <ul className="results" aria-label={t('caller.results')}>
              {found.data.map((resident) => (
                <li key={resident.id}>
                  <button type="button" className="secondary" onClick={() => onChange({ ...NO_CALLER, resident })}>
                    {t('caller.pick', { name: residentName(resident) })}
                  </button>{' '}
                  <span className="muted">{[...resident.phones, ...resident.emails].join(' · ')}</span>
                </li>
              ))}
              {found.data.length === 0 && <li className="muted">{t('caller.none')}</li>}
            </ul>
          )}
          <fieldset className="grid-2">
            <legend>{t('caller.new')}</legend>
            <span className="field">
              <label htmlFor={`${id}-first_name`}>{t('caller.firstName')}</label>
              <input autoComplete="off" {...field('first_name')} />
            </span>
            <span className="field">
              <label htmlFor={`${id}-last_name`}>{t('caller.lastName')}</label>
              <input autoComplete="off" {...field('last_name')} />
            </span>
            <span className="field">
              <label htmlFor={`${id}-phone`}>{t('caller.phone')}</label>
              <input type="tel" autoComplete="off" {...field('phone')} />
            </span>
            <span className="field">
              <label htmlFor={`${id}-email`}>{t('caller.email')}</label>
              <input type="email" autoComplete="off" {...field('email')} />
            </span>
          </fieldset>
        </>
      )}
    </section>
  )
}
