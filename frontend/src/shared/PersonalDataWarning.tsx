import { useTranslation } from 'react-i18next'
import { usePersonalDataCheck } from './usePersonalDataCheck'

const KINDS = ['name', 'email', 'phone'] as const

/**
 * Next to a field whose text residents will read: says, in the agent's language, when the text
 * seems to hold the caller's name, an email or a phone number. A polite live region, always
 * present, so screen readers hear the warning when it appears; point the field's
 * `aria-describedby` at `id`.
 */
export function PersonalDataWarning({ id, text, names = [] }: { id: string; text: string; names?: readonly (string | null | undefined)[] }) {
  const { t, i18n } = useTranslation()
  const found = new Set(usePersonalDataCheck(text, names).map((finding) => finding.kind))
  const items = KINDS.filter((kind) => found.has(kind)).map((kind) => t(`personalData.${kind}`))
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(items)
  return (
    <p id={id} role="status" className={items.length ? 'banner warn personal-data' : 'personal-data'}>
      {items.length > 0 && t('personalData.warning', { items: list })}
    </p>
  )
}
