import { useTranslation } from 'react-i18next'
import { useDates } from '../../shared/useDates'
import type { Duplicate } from './queries'

type Props = { duplicates: Duplicate[]; linked: string | null; onLink: (id: string | null) => void }

/** Open requests of the same service nearby: link the contact to one instead of opening a duplicate. */
export function DuplicatesPanel({ duplicates, linked, onLink }: Props) {
  const { t } = useTranslation('intake')
  const { day } = useDates()
  if (duplicates.length === 0) return null
  return (
    <section aria-labelledby="duplicates-heading" className="panel duplicates">
      <h2 id="duplicates-heading">{t('duplicates.title', { count: duplicates.length })}</h2>
      <ul>
        {duplicates.map(({ request, distance_m }) => {
          const isLinked = linked === request.id
          return (
            <li key={request.id}>
              <strong>{request.id}</strong> · {t(`status.${request.status}`)} · {t('duplicates.distance', { metres: Math.round(distance_m) })} ·{' '}
              {request.location.address ?? ''} · {day(request.requested_at)}
              {request.description && <span className="muted"> — {request.description}</span>}{' '}
              <button type="button" className={isLinked ? '' : 'secondary'} aria-pressed={isLinked} onClick={() => onLink(isLinked ? null : request.id)}>
                {t('duplicates.link', { id: request.id })}
              </button>
            </li>
          )
        })}
      </ul>
      {linked && <p role="status">{t('duplicates.linked', { id: linked })}</p>}
    </section>
  )
}
