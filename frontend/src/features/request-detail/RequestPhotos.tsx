import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The request's photos. The API has no media endpoints yet (another branch adds them), so this
 * shows none; when they land, list the request's media here.
 */
export function RequestPhotos() {
  const { t } = useTranslation('request-detail')
  const heading = useId()
  return (
    <section className="panel" aria-labelledby={heading}>
      <h2 id={heading}>{t('photos.heading')}</h2>
      <p className="muted">{t('photos.none')}</p>
    </section>
  )
}
