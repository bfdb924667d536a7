import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from './Field'
import { resizeImage } from './resizeImage'

type Props = { photo: Blob | null; error?: string; onChange: (photo: Blob | null) => void; onError: (message: string) => void }

/** An optional photo, made smaller in the browser before it is sent. */
export function PhotoField({ photo, error, onChange, onError }: Props) {
  const { t } = useTranslation('portal')
  const [busy, setBusy] = useState(false)
  const preview = useMemo(() => (photo && typeof URL.createObjectURL === 'function' ? URL.createObjectURL(photo) : null), [photo])
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview])

  async function pick(file: File | undefined) {
    if (!file) return onChange(null)
    if (!file.type.startsWith('image/')) return onError(t('errors.photoType'))
    setBusy(true)
    try {
      onChange(await resizeImage(file))
    } catch {
      onError(t('errors.photoRead'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Field name="photo" label={<>{t('photo.label')} <span className="optional">{t('report.optional')}</span></>} hint={t('photo.hint')} error={error}>
      {(control) => (
        <div className="photo-field">
          <input {...control} type="file" accept="image/*" onChange={(event) => void pick(event.target.files?.[0])} />
          {busy && <p role="status">{t('photo.resizing')}</p>}
          {photo && (
            <div className="photo-preview">
              {preview && <img src={preview} alt={t('photo.preview')} />}
              <button type="button" className="secondary" onClick={() => onChange(null)}>
                {t('photo.remove')}
              </button>
            </div>
          )}
        </div>
      )}
    </Field>
  )
}
