import i18n, { type BackendModule, type Resource, type ResourceKey } from 'i18next'
import { initReactI18next } from 'react-i18next'

export const LANGUAGES = ['en', 'es'] as const
export type Language = (typeof LANGUAGES)[number]
const STORAGE_KEY = 'frontdoor.language'

/**
 * Strings live next to the code that shows them: `src/i18n/locales/<lang>.json` is the `common`
 * namespace (shell, navigation), and each feature's `src/features/<feature>/locales/<lang>.json`
 * is the namespace named after the feature folder. Adding a feature's locale files is all it takes.
 *
 * Only `common` ships with the app. A feature's strings are their own small chunk, fetched in the
 * language in use when a screen needs them (routes load a page's namespaces with its code, so no
 * screen waits for them): a resident's phone never downloads the agent screens' strings, nor the
 * language it does not show.
 */
const common = import.meta.glob<Record<string, unknown>>('./locales/*.json', { eager: true, import: 'default' })
const features = import.meta.glob<Record<string, unknown>>('../features/*/locales/*.json', { import: 'default' })

function featureFile(lang: string, namespace: string): string {
  return `../features/${namespace}/locales/${lang}.json`
}

/** The namespaces the features define, from their locale files. */
export const NAMESPACES: readonly string[] = [
  'common',
  ...new Set(Object.keys(features).map((path) => path.split('/')[2]!)),
]

function commonResources(): Resource {
  const resources: Resource = {}
  for (const [path, strings] of Object.entries(common)) {
    const lang = path.match(/([a-z]{2})\.json$/)?.[1]
    if (lang) resources[lang] = { common: strings }
  }
  return resources
}

/** i18next's backend: a feature's strings in one language, from its own chunk. */
const featureStrings: BackendModule = {
  type: 'backend',
  init() {},
  read(lang, namespace, callback) {
    const load = features[featureFile(lang, namespace)]
    if (!load) return callback(null, {}) // a language or namespace with no file: the fallback answers
    load().then(
      (strings) => callback(null, strings as ResourceKey),
      (error: Error) => callback(error, null),
    )
  },
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

void i18n.use(featureStrings).use(initReactI18next).init({
  resources: commonResources(),
  partialBundledLanguages: true,
  // Synchronous: `common` is already here, so the first render needs to wait for nothing.
  initAsync: false,
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
