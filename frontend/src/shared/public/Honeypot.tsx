import { useTranslation } from 'react-i18next'

/**
 * A field people never see nor hear (hidden from screen readers and out of the tab order) that
 * bots tend to fill: a filled one makes the API refuse the form.
 */
export function Honeypot({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation()
  return (
    <div className="honeypot" aria-hidden="true">
      <label>
        {t('public.website')}
        <input type="text" name="website" tabIndex={-1} autoComplete="off" value={value} onChange={(event) => onChange(event.target.value)} />
      </label>
    </div>
  )
}
