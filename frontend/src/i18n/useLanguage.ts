import { useTranslation } from 'react-i18next'

/**
 * The UI language. The API answers catalog texts (service, department, layer and referral names)
 * in it, so every query that shows them puts it in its key: switching language refetches them.
 */
export function useLanguage(): string {
  return useTranslation().i18n.language
}
