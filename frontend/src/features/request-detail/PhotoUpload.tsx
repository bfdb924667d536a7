import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { MAX_PHOTO_BYTES, useUploadPhoto, type Visibility } from './usePhotos'

function uploadMessage(error: Error, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof ApiError && error.status === 413) return t('photos.tooLarge')
  if (error instanceof ApiError && error.status === 415) return t('photos.notImage')
  return t('photos.uploadFailed', { message: error.message })
}

/** Adds a photo (an image of 10 MiB at most), public or internal. */
export function PhotoUpload({ requestId }: { requestId: string }) {
  const { t } = useTranslation('request-detail')
  const upload = useUploadPhoto(requestId)
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [visibility, setVisibility] = useState<Visibility>('internal')
  const [tooBig, setTooBig] = useState(false)
  const ids = { file: useId(), hint: useId(), done: useId() }

  function choose(chosen: File | null) {
    upload.reset()
    setTooBig(!!chosen && chosen.size > MAX_PHOTO_BYTES)
    setFile(chosen)
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!file || tooBig) return
    upload.mutate(
      { file, visibility },
      {
        onSuccess: () => {
          setFile(null)
          if (input.current) input.current.value = ''
        },
      },
    )
  }

  const error = tooBig ? t('photos.tooLarge') : upload.error ? uploadMessage(upload.error, t) : null
  return (
    <form className="detail-form photo-upload" onSubmit={submit}>
      <label htmlFor={ids.file}>{t('photos.add')}</label>
      <input
        ref={input}
        id={ids.file}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif"
        aria-describedby={ids.hint}
        aria-invalid={error ? true : undefined}
        onChange={(event) => choose(event.target.files?.[0] ?? null)}
      />
      <p id={ids.hint} className="muted">
        {t('photos.hint')}
      </p>
      <fieldset className="inline-options">
        <legend>{t('photos.visibility')}</legend>
        {(['internal', 'public'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name={`${ids.file}-visibility`} value={value} checked={visibility === value} onChange={() => setVisibility(value)} />{' '}
            {t(`comments.${value}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={!file || tooBig || upload.isPending}>
        {upload.isPending ? t('photos.uploading') : t('photos.submit')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {upload.isSuccess && (
        <p role="status" id={ids.done}>
          {t('photos.added')}
        </p>
      )}
    </form>
  )
}
