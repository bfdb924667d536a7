import { expect, request as playwrightRequest, test } from '@playwright/test'
import statusEn from '../src/features/status/locales/en.json' with { type: 'json' }
import statusEs from '../src/features/status/locales/es.json' with { type: 'json' }
import { apiAs, expectAccessible, getJson, screenshot, STRINGS, watchPage } from './support'

type Created = { id: string; status: keyof typeof statusEn.statuses; expected_datetime: string | null; service_code: string }

/**
 * The residents' status pages, signed out: a request made through the API and closed with a public
 * note shows its status as the API holds it, the close note (with the caller's name and phone
 * masked) and where it is, in English and in Spanish; the look-up by email and last name finds it.
 * axe-core, no console error, no failed request.
 */
test('a resident follows a request on the public status pages, signed out', async ({ page, baseURL }) => {
  const agent = await apiAs(baseURL!, 'agent@example.org')
  const lastName = `Status${Date.now()}`
  const email = `${lastName.toLowerCase()}@example.net`
  const answer = await agent.post('/api/v1/requests', {
    data: {
      service_code: 'trm-pothole-repair',
      description: 'Deep pothole by the bus stop',
      location: { lat: 39.2904, long: -76.6122, address: '100 N Holliday St, Baltimore, MD' },
      attributes: { pothole_size: 'large' },
      reporter: { first_name: 'Rosa', last_name: lastName, email },
      channel: 'phone',
    },
  })
  expect(answer.status(), await answer.text()).toBe(201)
  const created = (await answer.json()) as Created
  const staff = await apiAs(baseURL!, 'staff@example.org')
  const closing = await staff.post(`/api/v1/requests/${created.id}/transitions`, {
    data: { to: 'closed', reason: 'resolved', note: `Patched with cold mix. Rosa ${lastName}: 410-555-0142.` },
    headers: { 'If-Match': answer.headers()['etag']! },
  })
  expect(closing.status(), await closing.text()).toBe(200)
  await staff.dispose()
  const held = await getJson<Created>(agent, `/api/v1/requests/${created.id}`)
  const service = await getJson<{ name: string }>(agent, `/api/v1/services/${held.service_code}`)
  const spanishService = await getJson<{ name: string }>(agent, `/api/v1/services/${held.service_code}?lang=es`)
  await agent.dispose()

  const watch = watchPage(page)
  await page.goto(`/status/${held.id}`)
  await expect(page.getByRole('heading', { level: 1, name: statusEn.title.replace('{{number}}', held.id) })).toBeVisible()
  const main = page.getByRole('main')
  await expect(main.getByText(statusEn.statuses[held.status].label, { exact: true })).toBeVisible()
  await expect(main.getByText(service.name, { exact: true })).toBeVisible()
  if (held.expected_datetime) {
    // The day in the city's time zone, as the page shows it.
    const expected = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'America/New_York' }).format(new Date(held.expected_datetime))
    await expect(main.locator(`div:has(> dt:text-is("${statusEn.expected}")) > dd`)).toHaveText(expected)
  }
  await expect(main.getByText(statusEn.notes.opened)).toBeVisible()
  const closedNote = statusEn.notes.closedBecause.replace('{{reason}}', statusEn.reasons.resolved)
  await expect(main.getByRole('listitem').filter({ hasText: closedNote })).toContainText('Patched with cold mix. [name hidden] [name hidden]: [phone hidden].')
  await expect(main.locator(`div:has(> dt:text-is("${statusEn.location}")) > dd`)).toContainText('100 N Holliday St')
  await expect(page.getByText('410-555-0142')).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: /^(Main|Principal)$/ })).toHaveCount(0)
  await expect(page.getByText(email)).toHaveCount(0)
  await expect(page.getByText(lastName)).toHaveCount(0)
  await page.waitForLoadState('networkidle')
  await expectAccessible(page, 'status page (en)')
  await screenshot(page, 'en-status')

  await page.getByLabel(STRINGS.en.common.language).selectOption('es')
  await expect(page.getByRole('heading', { level: 1, name: statusEs.title.replace('{{number}}', held.id) })).toBeVisible()
  await expect(main.getByText(statusEs.statuses[held.status].label, { exact: true })).toBeVisible()
  // The catalog comes in Spanish too: "Servicio: Bache", as the API names the service in Spanish.
  await expect(main.locator(`div:has(> dt:text-is("${statusEs.service}")) > dd`)).toHaveText('Bache')
  expect(spanishService.name).toBe('Bache')
  await expect(main.getByText(statusEs.notes.closedBecause.replace('{{reason}}', statusEs.reasons.resolved))).toBeVisible()
  await expectAccessible(page, 'status page (es)')

  await page.getByRole('link', { name: statusEs.another }).click()
  await expect(page.getByRole('heading', { level: 1, name: statusEs.lookup.title })).toBeVisible()
  await page.getByLabel(statusEs.lookup.email, { exact: true }).fill(email)
  await page.getByLabel(statusEs.lookup.lastName, { exact: true }).fill(lastName)
  await page.getByRole('button', { name: statusEs.lookup.find }).click()
  await expect(page.getByText(statusEs.lookup.found_one.replace('{{count}}', '1'))).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: held.id })).toContainText('Bache')
  await page.waitForLoadState('networkidle')
  await expectAccessible(page, 'look-up (es)')
  await screenshot(page, 'es-status-lookup')
  await page.getByRole('link', { name: held.id, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: statusEs.title.replace('{{number}}', held.id) })).toBeVisible()
  watch.expectClean()

  // The pages ask only public endpoints: the same read without a token answers.
  const anonymous = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Connection: 'close' } })
  expect((await anonymous.get(`/open311/v2/requests/${held.id}.json?extensions=true`)).status()).toBe(200)
  await anonymous.dispose()
})
