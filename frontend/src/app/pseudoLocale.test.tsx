import { screen, waitFor } from '@testing-library/react'
import i18n from '../i18n'
import { ARTICLE, CLOSED_LIGHT, OPEN_POTHOLE, SERVICES } from '../features/portal/testData'
import { aPublicRequest } from '../features/status/testData'
import { mockApi } from '../test/api'
import { renderWithProviders } from '../test/render'
import { App } from './App'

/**
 * A third language is only translation files: every public page, rendered in a pseudo-locale
 * made from the English files with each string wrapped in ⟦…⟧, shows no text (nor label, alt or
 * placeholder) that is not wrapped, except the data the API sent and dates.
 */
const PSEUDO = 'en-XA'
const OPEN = '⟦'

type Strings = { [key: string]: string | Strings }
function pseudo(strings: Strings): Strings {
  return Object.fromEntries(Object.entries(strings).map(([key, value]) => [key, typeof value === 'string' ? `${OPEN}${value}⟧` : pseudo(value)]))
}

const SEARCH = { articles: [{ id: 7, title: ARTICLE.title, snippet: ARTICLE.summary }], services: [{ code: 'sw-missed-pickup', name: 'Missed trash pickup', description: 'Trash or recycling not collected on its day.', group: 'Trash and recycling' }] }
const API = {
  'GET /api/v1/public/services': SERVICES,
  'GET /api/v1/public/services/trm-pothole-repair': SERVICES[0],
  'GET /api/v1/public/search': SEARCH,
  'GET /api/v1/public/articles': SEARCH.articles,
  'GET /api/v1/public/articles/7': ARTICLE,
  'GET /api/v1/public/requests': [OPEN_POTHOLE, CLOSED_LIGHT],
  'GET /api/v1/public/challenge': { token: 'challenge-token', difficulty: 1 },
  'GET /open311/v2/requests/26-00000042.json': [aPublicRequest()],
  'GET /open311/v2/services.json': [],
}

function dataStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(dataStrings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(dataStrings)
  return []
}
const DATA = dataStrings(API)

/** Whether the text is the API's, whole or joined from its parts ("100 N HOLLIDAY ST, 21202"). */
function fromData(text: string): boolean {
  return text
    .split(/\s*[,·—]\s*/)
    .filter(Boolean)
    .every((part) => DATA.some((value) => value.includes(part)))
}

/** Text a person reads that came from neither a translation nor the API. */
function untranslated(root: HTMLElement): string[] {
  const found: string[] = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.trim()
    const parent = node.parentElement!
    if (!/\p{L}/u.test(text) || parent.closest('[aria-hidden="true"] input, time, option[lang]')) continue
    const owner = parent.closest('p, li, dd, dt, td, th, label, legend, button, a, h1, h2, h3, span, strong, option, div')
    const whole = owner?.textContent ?? text
    if (whole.includes(OPEN) || fromData(text) || /\b20\d\d\b/.test(text)) continue
    found.push(text)
  }
  for (const element of root.querySelectorAll('[aria-label], [alt], [placeholder], [title]'))
    for (const name of ['aria-label', 'alt', 'placeholder', 'title']) {
      const value = element.getAttribute(name)
      if (value && /\p{L}/u.test(value) && !value.includes(OPEN) && !fromData(value)) found.push(`${name}="${value}"`)
    }
  return found
}

beforeAll(() => {
  for (const [namespace, strings] of Object.entries(i18n.getDataByLanguage('en') ?? {})) i18n.addResourceBundle(PSEUDO, namespace, pseudo(strings as Strings))
})

describe('every public page in a pseudo-locale', () => {
  it.each(['/', '/?q=trash', '/answers', '/answers/7', '/report', '/report/trm-pothole-repair', '/map', '/status', '/status/26-00000042', '/follow/confirm?token=abc', '/follow/confirm'])(
    '%s has no hard-coded text',
    async (path) => {
      await i18n.changeLanguage(PSEUDO)
      mockApi(API)
      const { container } = renderWithProviders(<App />, { path })
      await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toContain(OPEN))
      await waitFor(() => expect(screen.queryByRole('status', { name: '' })?.textContent ?? '').not.toMatch(/^⟦Loading/))
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(untranslated(container)).toEqual([])
    },
  )

  it('finds a hard-coded string (the test can fail)', async () => {
    await i18n.changeLanguage(PSEUDO)
    const { container } = renderWithProviders(<p>Hard-coded words</p>)
    expect(untranslated(container)).toEqual(['Hard-coded words'])
  })

  it('catches the report form\'s errors too', async () => {
    await i18n.changeLanguage(PSEUDO)
    mockApi(API)
    const { container, user } = renderWithProviders(<App />, { path: '/report/trm-pothole-repair' })
    await screen.findByRole('heading', { level: 1, name: /Pothole repair/ })
    await user.click(document.querySelector<HTMLButtonElement>('button[type="submit"]')!)
    expect(await screen.findByRole('alert')).toHaveTextContent(OPEN)
    expect(untranslated(container)).toEqual([])
  })
})
