import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDepartmentNames } from '../../shared/useNames'
import { AddressSearch } from '../../shared/contact/AddressSearch'
import { LocationMap } from './LocationMap'
import { reverseGeocode, useLayers, useResolution, type Point } from './queries'

export type Location = { point: Point | null; address: string }

export type Referral = { agency: string; phone: string; url: string }
type Props = {
  value: Location
  onChange: (location: Location) => void
  serviceCode: string | null
  onRefer: (referral: Referral) => void
}

/** Where the problem is: an address (with suggestions) or a point on the map, and who is responsible there. */
export function LocationSection({ value, onChange, serviceCode, onRefer }: Props) {
  const { t } = useTranslation('intake')
  const layers = useLayers()
  const [shown, setShown] = useState<string[] | null>(null)
  const resolution = useResolution(value.point, serviceCode)

  const allLayers = layers.data ?? []
  const shownLayers = shown ?? allLayers.filter((layer) => layer.role === 'served').map((layer) => layer.slug)

  async function pickPoint(point: Point) {
    onChange({ point, address: '' })
    const nearest = await reverseGeocode(point)
    if (nearest) onChange({ point, address: nearest.address })
  }

  return (
    <section aria-labelledby="location-heading" className="panel">
      <h2 id="location-heading">{t('location.title')}</h2>
      <AddressSearch onPick={(address) => onChange({ point: { lat: address.lat, long: address.long }, address: address.address })} />
      <p id="location-map-help" className="muted">
        {t('location.mapHelp')}
      </p>
      <LocationMap point={value.point} onPick={pickPoint} layers={allLayers} shownLayers={shownLayers} />
      {allLayers.length > 0 && (
        <fieldset className="inline-options">
          <legend>{t('location.layers')}</legend>
          {allLayers.map((layer) => (
            <label key={layer.slug}>
              <input
                type="checkbox"
                checked={shownLayers.includes(layer.slug)}
                onChange={(event) =>
                  setShown(event.target.checked ? [...shownLayers, layer.slug] : shownLayers.filter((slug) => slug !== layer.slug))
                }
              />{' '}
              {layer.name}
            </label>
          ))}
        </fieldset>
      )}
      <div aria-live="polite">
        {value.point && (
          <p data-testid="picked-location">
            <strong>{t('location.picked')}</strong> {value.address || t('location.noNearbyAddress')} ({value.point.lat.toFixed(5)},{' '}
            {value.point.long.toFixed(5)})
          </p>
        )}
        {resolution.data && <Responsible resolution={resolution.data} onRefer={onRefer} />}
      </div>
    </section>
  )
}

function DepartmentName({ code }: { code: string }) {
  return <>{useDepartmentNames()(code)}</>
}

type ResponsibleProps = { resolution: NonNullable<ReturnType<typeof useResolution>['data']>; onRefer: (referral: Referral) => void }

function Responsible({ resolution, onRefer }: ResponsibleProps) {
  const { t } = useTranslation('intake')
  const { responsible, areas } = resolution
  const referral = responsible.referral
  return (
    <div className="resolution">
      {areas.length > 0 && (
        <p>
          <strong>{t('location.areas')}</strong> {areas.map((area) => area.name).join(' · ')}
        </p>
      )}
      {responsible.kind === 'department' && (
        <p>
          <strong>{t('location.department')}</strong> <DepartmentName code={responsible.department ?? ''} />
        </p>
      )}
      {responsible.kind === 'referral' && referral && (
        <p className="banner warn">
          <strong>{t('location.referTo')}</strong> {[referral.name, referral.phone, referral.url].filter(Boolean).join(' · ')}{' '}
          <button type="button" className="secondary" onClick={() => onRefer({ agency: referral.name ?? '', phone: referral.phone ?? '', url: referral.url ?? '' })}>
            {t('location.recordReferral')}
          </button>
        </p>
      )}
      {responsible.kind === 'none' && <p className="banner warn">{t('location.outside')}</p>}
    </div>
  )
}
