import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, type components } from '../../api/client'
import { ChangeError } from './ChangeError'
import { path, useRequestChange } from './useRequest'

type Visibility = components['schemas']['Visibility']

export function CommentForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation('request-detail')
  const change = useRequestChange(requestId)
  const [body, setBody] = useState('')
  const [visibility, setVisibility] = useState<Visibility>('internal')
  const ids = { heading: useId(), body: useId() }

  function submit(event: FormEvent) {
    event.preventDefault()
    const text = body.trim()
    if (!text) return
    change.mutate(
      (ifMatch) => api.POST('/api/v1/requests/{request_id}/comments', { params: path(requestId, ifMatch), body: { body: text, visibility } }),
      { onSuccess: () => setBody('') },
    )
  }

  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('comments.heading')}</h2>
      <form onSubmit={submit} className="detail-form">
        <label htmlFor={ids.body}>{t('comments.body')}</label>
        <textarea id={ids.body} rows={3} maxLength={4000} required value={body} onChange={(event) => setBody(event.target.value)} />
        <fieldset className="inline-options">
          <legend>{t('comments.visibility')}</legend>
          {(['internal', 'public'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name={`${ids.body}-visibility`} value={value} checked={visibility === value} onChange={() => setVisibility(value)} />{' '}
              {t(`comments.${value}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={!body.trim() || change.isPending}>
          {t('comments.submit')}
        </button>
      </form>
      <ChangeError error={change.error} />
    </section>
  )
}
