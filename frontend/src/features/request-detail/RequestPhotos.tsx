import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { PhotoUpload } from './PhotoUpload'
import { usePhotos, usePhotoUrl, type Photo } from './usePhotos'

function PhotoItem({ photo, position, requestId }: { photo: Photo; position: number; requestId: string }) {
  const { t } = useTranslation('request-detail')
  const { url, failed } = usePhotoUrl(photo.id)
  const visibility = t(`timeline.${photo.visibility}`)
  const alt = t('photos.alt', { position, id: requestId, visibility: visibility.toLowerCase() })
  return (
    <li className={`photo photo-${photo.visibility}`}>
      {url ? (
        <a href={url} target="_blank" rel="noreferrer">
          <img src={url} alt={alt} width={photo.width} height={photo.height} />
        </a>
      ) : (
        <span className="photo-placeholder" role={failed ? 'img' : undefined} aria-label={failed ? alt : undefined}>
          {failed ? t('photos.unavailable') : t('photos.loadingOne')}
        </span>
      )}
      <span className={`tag tag-${photo.visibility}`}>{visibility}</span>
    </li>
  )
}

/** The request's photos, public and internal, with a form to add one. */
export function RequestPhotos({ requestId }: { requestId: string }) {
  const { t } = useTranslation('request-detail')
  const heading = useId()
  const photos = usePhotos(requestId)
  const items = photos.data?.items ?? []
  return (
    <section className="panel" aria-labelledby={heading}>
      <h2 id={heading}>{t('photos.heading')}</h2>
      {photos.isPending && <p role="status">{t('photos.loading')}</p>}
      {photos.isError && (
        <p role="alert" className="error">
          {t('photos.failed', { message: photos.error.message })}
        </p>
      )}
      {photos.isSuccess && items.length === 0 && <p className="muted">{t('photos.none')}</p>}
      {items.length > 0 && (
        <ul className="photos">
          {items.map((photo, index) => (
            <PhotoItem key={photo.id} photo={photo} position={index + 1} requestId={requestId} />
          ))}
        </ul>
      )}
      <PhotoUpload requestId={requestId} />
    </section>
  )
}
