import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../shared/useMe'
import { useEraseResident } from './useResidents'

/** Supervisors and administrators only: an erasure cannot be undone, so the agent on the call does not decide it. */
const MAY_ERASE = new Set(['supervisor', 'admin'])

/** A resident's erasure request, made on their behalf: confirmed first, then counted. */
export function ErasurePanel({ residentId }: { residentId: string }) {
  const { t } = useTranslation('residents')
  const me = useMe()
  const erase = useEraseResident(residentId)
  const [asked, setAsked] = useState(false)
  const ids = { heading: useId(), confirm: useId() }
  if (!me.data || !MAY_ERASE.has(me.data.role)) return null
  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('erasure.heading')}</h2>
      <p>{t('erasure.explain')}</p>
      <p>
        <input id={ids.confirm} type="checkbox" checked={asked} onChange={(event) => setAsked(event.target.checked)} />{' '}
        <label htmlFor={ids.confirm}>{t('erasure.confirm')}</label>
      </p>
      <button type="button" disabled={!asked || erase.isPending || erase.isSuccess} onClick={() => erase.mutate()}>
        {erase.isPending ? t('erasure.erasing') : t('erasure.submit')}
      </button>
      {erase.isSuccess && (
        <p role="status">
          {t('erasure.done', {
            requests: erase.data.requests,
            cases: erase.data.cases,
            messages: erase.data.messages,
          })}
        </p>
      )}
      {erase.isError && (
        <p role="alert" className="error">
          {t('erasure.failed', { message: erase.error.message })}
        </p>
      )}
    </section>
  )
}
