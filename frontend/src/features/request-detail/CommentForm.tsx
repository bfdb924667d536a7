import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, type components } from '../../api/client'
import { PersonalDataWarning } from '../../shared/PersonalDataWarning'
import { ChangeError } from './ChangeError'
import { usePhotos } from './usePhotos'
import { path, reporterNames, useRequest, useRequestChange } from './useRequest'

type Visibility = components['schemas']['Visibility']

export function CommentForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation('request-detail')
  const change = useRequestChange(requestId)
  const [body, setBody] = useState('')
  const [visibility, setVisibility] = useState<Visibility>('internal')
  const [attached, setAttached] = useState<string[]>([])
  const ids = { heading: useId(), body: useId(), warning: useId() }
  const names = reporterNames(useRequest(requestId).data?.request)
  // A comment shows only photos of its own visibility (the API refuses the others).
  const photos = (usePhotos(requestId).data?.items ?? []).map((photo, index) => ({ ...photo, position: index + 1 }))
  const attachable = photos.filter((photo) => photo.visibility === visibility)
  const photoIds = attached.filter((id) => attachable.some((photo) => photo.id === id))

  function toggle(id: string, on: boolean) {
    setAttached((current) => (on ? [...current, id] : current.filter((other) => other !== id)))
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    const text = body.trim()
    if (!text) return
    change.mutate(
      (ifMatch) => api.POST('/api/v1/requests/{request_id}/comments', { params: path(requestId, ifMatch), body: { body: text, visibility, ...(photoIds.length ? { photo_ids: photoIds } : {}) } }),
      {
        onSuccess: () => {
          setBody('')
          setAttached([])
        },
      },
    )
  }

  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('comments.heading')}</h2>
      <form onSubmit={submit} className="detail-form">
        <label htmlFor={ids.body}>{t('comments.body')}</label>
        <textarea id={ids.body} rows={3} maxLength={4000} required value={body} aria-describedby={ids.warning} onChange={(event) => setBody(event.target.value)} />
        <PersonalDataWarning id={ids.warning} text={visibility === 'public' ? body : ''} names={names} />
        <fieldset className="inline-options">
          <legend>{t('comments.visibility')}</legend>
          {(['internal', 'public'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name={`${ids.body}-visibility`} value={value} checked={visibility === value} onChange={() => setVisibility(value)} />{' '}
              {t(`comments.${value}`)}
            </label>
          ))}
        </fieldset>
        {attachable.length > 0 && (
          <fieldset className="inline-options">
            <legend>{t('comments.photos')}</legend>
            {attachable.map((photo) => (
              <label key={photo.id}>
                <input type="checkbox" checked={photoIds.includes(photo.id)} onChange={(event) => toggle(photo.id, event.target.checked)} />{' '}
                {t('comments.photo', { position: photo.position })}
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit" disabled={!body.trim() || change.isPending}>
          {t('comments.submit')}
        </button>
      </form>
      <ChangeError error={change.error} />
    </section>
  )
}
