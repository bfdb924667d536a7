import AxeBuilder from '@axe-core/playwright'
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import commonEn from '../src/i18n/locales/en.json' with { type: 'json' }
import commonEs from '../src/i18n/locales/es.json' with { type: 'json' }
import authEn from '../src/features/auth/locales/en.json' with { type: 'json' }
import authEs from '../src/features/auth/locales/es.json' with { type: 'json' }
import intakeEn from '../src/features/intake/locales/en.json' with { type: 'json' }
import intakeEs from '../src/features/intake/locales/es.json' with { type: 'json' }
import queuesEn from '../src/features/queues/locales/en.json' with { type: 'json' }
import queuesEs from '../src/features/queues/locales/es.json' with { type: 'json' }
import detailEn from '../src/features/request-detail/locales/en.json' with { type: 'json' }
import detailEs from '../src/features/request-detail/locales/es.json' with { type: 'json' }

export const PASSWORD = 'frontdoor'
export type Lang = 'en' | 'es'

/** The UI's own strings, so each run finds its controls by the labels an agent reads. */
export const STRINGS = {
  en: { common: commonEn, auth: authEn, intake: intakeEn, queues: queuesEn, detail: detailEn },
  es: { common: commonEs, auth: authEs, intake: intakeEs, queues: queuesEs, detail: detailEs },
} as const

export const SCREENSHOTS = 'e2e-screenshots'
mkdirSync(SCREENSHOTS, { recursive: true })

/** For people to look at; never an assertion. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true })
}

/** No serious or critical axe-core violation on the screen as it is now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const bad = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
  const summary = bad.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  expect(summary, `axe violations on ${screen}`).toEqual([])
}

/** Records console errors, failed requests, HTTP errors and requests to any other origin; `expectClean` asserts there were none. */
export function watchPage(page: Page) {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`))
  page.on('request', (request) => {
    const url = new URL(request.url())
    const own = new URL(page.url() === 'about:blank' ? request.url() : page.url())
    if (url.protocol.startsWith('http') && url.origin !== own.origin) problems.push(`outside request: ${request.url()}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`)
  })
  return {
    expectClean: () => expect(problems, 'console errors and failed requests').toEqual([]),
  }
}

/** An API client signed in as `email`, to check what the API holds after each step. */
export async function apiAs(baseURL: string, email: string): Promise<APIRequestContext> {
  const anonymous = await playwrightRequest.newContext({ baseURL })
  const answer = await anonymous.post('/api/v1/auth/token', { form: { username: email, password: PASSWORD } })
  expect(answer.status()).toBe(200)
  const { access_token: token } = (await answer.json()) as { access_token: string }
  await anonymous.dispose()
  // A fresh connection per check: a kept-alive socket the server timed out (uvicorn: 5 s) resets.
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}`, Connection: 'close' } })
}

export async function getJson<T>(api: APIRequestContext, path: string): Promise<T> {
  const answer = await api.get(path)
  expect(answer.status(), `GET ${path}`).toBe(200)
  return (await answer.json()) as T
}

/**
 * Signs in through the sign-in screen, in `lang` (picked on that screen first). `path` is where
 * the screen is asked for, and where the signed-in app opens: going there after signing in would
 * abort the home screen's requests still in flight.
 */
export async function signIn(page: Page, email: string, lang: Lang, path = '/sign-in'): Promise<void> {
  const s = STRINGS[lang]
  await page.goto(path)
  await page.getByLabel(new RegExp(`^(${STRINGS.en.common.language}|${STRINGS.es.common.language})$`)).selectOption(lang)
  await page.getByLabel(s.auth.email).fill(email)
  await page.getByLabel(s.auth.password).fill(PASSWORD)
  await page.getByRole('button', { name: s.auth.submit }).click()
  await expect(page.getByRole('navigation', { name: s.common.nav.label })).toBeVisible()
}

export async function signOut(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: STRINGS[lang].common.signOut }).click()
  await expect(page.getByLabel(STRINGS[lang].auth.email)).toBeVisible()
}

/** The token the SPA holds, so the test can ask the API what this session sees. */
export async function sessionToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => sessionStorage.getItem('frontdoor.token'))
  expect(token).toBeTruthy()
  return token!
}
