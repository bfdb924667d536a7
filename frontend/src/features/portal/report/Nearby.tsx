import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Point } from '../../../api/queries/portal'
import { FollowForm } from '../../../shared/public/FollowForm'
import { useDates } from '../../../shared/useDates'
import { statusKey } from '../statusLabel'
import { useNearby } from '../usePortal'

/** Open requests of the same service close by: "Is it one of these? Follow it instead." */
export function Nearby({ serviceCode, point }: { serviceCode: string; point: Point | null }) {
  const { t } = useTranslation('portal')
  const dates = useDates()
  const nearby = useNearby(serviceCode, point)
  const [following, setFollowing] = useState<string | null>(null)
  if (!nearby.data?.length) return null
  return (
    <section className="panel nearby" aria-labelledby="nearby-title">
      <h2 id="nearby-title">{t('nearby.title')}</h2>
      <p>{t('nearby.intro')}</p>
      <ul className="link-list">
        {nearby.data.map((item) => (
          <li key={item.number}>
            <p>
              <strong>{item.number}</strong> · {t(statusKey(item.status))} · {item.address ?? t('nearby.noAddress')} · {t('nearby.reported', { date: dates.day(item.requested_at) })}
            </p>
            {item.description && <p className="muted">{item.description}</p>}
            {following === item.number ? (
              <FollowForm number={item.number} headingLevel={3} insideForm />
            ) : (
              <button type="button" className="secondary" onClick={() => setFollowing(item.number)} aria-label={t('nearby.followNumber', { number: item.number })}>
                {t('nearby.follow')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
