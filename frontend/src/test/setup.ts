import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach, vi } from 'vitest'
import i18n, { LANGUAGES, NAMESPACES } from '../i18n'

// Every feature's strings, in both languages, before any test: a component renders at once, as
// it does in the app, where a route fetches its page's strings with its code.
await i18n.loadLanguages([...LANGUAGES])
await i18n.loadNamespaces([...NAMESPACES])

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  sessionStorage.clear()
  localStorage.clear()
  void i18n.changeLanguage('en')
})
