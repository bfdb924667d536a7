import { lazy, Suspense, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Point } from '../../../api/queries/portal'
import { useLocate } from '../usePortal'
import { AddressCombobox } from './AddressCombobox'
import { Field } from './Field'
import { Referral } from './Referral'
import type { Location } from './validate'

// Leaflet loads only when the resident asks for the map: the typed address needs none of it.
const PinMap = lazy(() => import('./PinMap'))

type Props = { serviceCode: string; location: Location; error?: string; onChange: (location: Location) => void; onServed: (served: boolean) => void }

/** Where the problem is: a typed address (with suggestions), or a pin on an optional map. */
export function LocationFields({ serviceCode, location, error, onChange, onServed }: Props) {
  const { t } = useTranslation('portal')
  const [showMap, setShowMap] = useState(false)
  const located = useLocate(location.point, serviceCode)
  const served = located.data?.served ?? true

  useEffect(() => onServed(served), [served, onServed])

  function pin(point: Point) {
    onChange({ address: '', point })
  }

  useEffect(() => {
    // A pin dropped on the map names its address, when the city knows one.
    if (located.data?.address && !location.address) onChange({ ...location, address: located.data.address })
  }, [located.data, location, onChange])

  return (
    <fieldset className="report-step">
      <legend>
        <h2>{t('location.title')}</h2>
      </legend>
      <Field name="location" label={t('location.address')} hint={t('location.hint')} error={error} required>
        {(control) => (
          <AddressCombobox
            control={control}
            value={location.address}
            onType={(address) => onChange({ address, point: null })}
            onPick={(picked) => onChange({ address: picked.label, point: { lat: picked.lat, lon: picked.lon } })}
          />
        )}
      </Field>
      {!served && <Referral referral={located.data?.referral ?? null} />}
      <button type="button" className="secondary" aria-expanded={showMap} onClick={() => setShowMap(!showMap)}>
        {showMap ? t('location.hideMap') : t('location.showMap')}
      </button>
      {showMap && (
        <Suspense fallback={<p role="status">{t('location.mapLoading')}</p>}>
          <PinMap point={location.point} center={location.point} onPin={pin} />
        </Suspense>
      )}
      {location.point && (
        <p className="hint" role="status">
          {t('location.pinned')}
        </p>
      )}
    </fieldset>
  )
}
