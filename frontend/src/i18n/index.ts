import i18n, { type Resource } from 'i18next'
import { initReactI18next } from 'react-i18next'

export const LANGUAGES = ['en', 'es'] as const
export type Language = (typeof LANGUAGES)[number]
const STORAGE_KEY = 'frontdoor.language'

/**
 * Strings live next to the code that shows them: `src/i18n/locales/<lang>.json` is the `common`
 * namespace (shell, navigation), and each feature's `src/features/<feature>/locales/<lang>.json`
 * is the namespace named after the feature folder. Adding a feature's locale files is all it takes.
 */
const common = import.meta.glob<Record<string, unknown>>('./locales/*.json', { eager: true, import: 'default' })
const features = import.meta.glob<Record<string, unknown>>('../features/*/locales/*.json', {
  eager: true,
  import: 'default',
})

export function buildResources(): Resource {
  const resources: Resource = {}
  for (const [path, strings] of Object.entries(common)) {
    const lang = path.match(/([a-z]{2})\.json$/)?.[1]
    if (lang) resources[lang] = { ...resources[lang], common: strings }
  }
  for (const [path, strings] of Object.entries(features)) {
    const match = path.match(/features\/([^/]+)\/locales\/([a-z]{2})\.json$/)
    if (!match) continue
    const [, feature, lang] = match as unknown as [string, string, string]
    resources[lang] = { ...resources[lang], [feature]: strings }
  }
  return resources
}

export function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY)
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'en'
}

/** Switch the UI language and remember it for the next visit. */
export async function changeLanguage(lang: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang)
  await i18n.changeLanguage(lang)
}

i18n.on('languageChanged', (lang) => {
  document.documentElement.lang = lang
})

void i18n.use(initReactI18next).init({
  resources: buildResources(),
  lng: storedLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: ['common'],
  interpolation: { escapeValue: false },
  returnNull: false,
})

export default i18n

/** The visitor's language as the API takes it (`language` of a form, so its emails follow it). */
export function visitorLanguage(): Language {
  return i18n.language?.startsWith('es') ? 'es' : 'en'
}
