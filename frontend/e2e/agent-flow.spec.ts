import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import {
  apiAs,
  expectAccessible,
  getJson,
  screenshot,
  sessionToken,
  signIn,
  signOut,
  STRINGS,
  watchPage,
  type Lang,
} from './support'

type Me = { id: string; email: string; role: string }
type Case = {
  id: string
  channel: string
  type: string
  article_ids: number[]
  request_ids: string[]
  resolved_on_first_contact: boolean | null
  handle_seconds: number | null
  agent: { id: string }
}
type Article = { id: number; slug: string | null; title: string; use_count: number }
type Attribute = { code: string; datatype: string; description: string; required: boolean; variable: boolean; values: { key: string; name: string }[] }
type Service = { code: string; name: string; attributes: Attribute[] }
type ServiceRequest = {
  id: string
  service_code: string
  department: string
  status: string
  description: string
  close_reason: string | null
  location: { lat: number | null; long: number | null; address: string | null }
  attributes: Record<string, unknown>
  expected_datetime: string | null
}

const POTHOLE = 'trm-pothole-repair'
const SCENARIOS = {
  en: { said: 'When is my trash collected?', search: 'trash collection', article: 'trash-collection-day', pothole: 'There is a deep pothole in the right lane', address: '101 N HOLLIDAY' },
  es: { said: '¿Qué día recogen la basura?', search: 'recolección de basura', article: 'trash-collection-day-es', pothole: 'Hay un bache profundo en el carril derecho', address: '12 N CALVERT' },
} as const

async function newestCase(api: APIRequestContext, agentId: string): Promise<Case> {
  const { items } = await getJson<{ items: Case[] }>(api, `/api/v1/cases?agent=${agentId}&limit=1`)
  expect(items.length).toBe(1)
  return items[0]!
}

/** Fills every required attribute of the service, whatever the catalog defines, by its label. */
async function fillRequiredAttributes(page: Page, service: Service): Promise<Record<string, unknown>> {
  const filled: Record<string, unknown> = {}
  for (const attribute of service.attributes.filter((candidate) => candidate.variable && candidate.required)) {
    // The label is the attribute's description, then a required marker.
    const name = new RegExp(`^${(attribute.description || attribute.code).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
    if (attribute.datatype === 'multivaluelist') {
      const option = attribute.values[0]!
      await page.getByRole('group', { name }).getByRole('checkbox', { name: option.name }).check()
      filled[attribute.code] = [option.key]
      continue
    }
    const control = page.getByLabel(name)
    if (attribute.datatype === 'singlevaluelist') {
      const option = attribute.values[0]!
      await control.selectOption(option.key)
      filled[attribute.code] = option.key
    } else if (attribute.datatype === 'number') {
      await control.fill('2')
      filled[attribute.code] = 2
    } else if (attribute.datatype === 'datetime') {
      await control.fill('2026-11-20T10:30')
    } else {
      await control.fill('Filled in by the end-to-end test')
      filled[attribute.code] = 'Filled in by the end-to-end test'
    }
  }
  return filled
}

for (const lang of ['en', 'es'] as Lang[]) {
  test(`agent and staff flow in ${lang === 'en' ? 'English' : 'Spanish'}`, async ({ page, baseURL }) => {
    const s = STRINGS[lang]
    const scenario = SCENARIOS[lang]
    const watch = watchPage(page)
    const agentApi = await apiAs(baseURL!, 'agent@example.org')
    const departments = await getJson<{ items: { code: string; name: string }[] }>(agentApi, `/api/v1/departments?lang=${lang}`)
    const transportation = departments.items.find((department) => department.code === 'transportation')!.name

    await test.step('the sign-in screen is accessible', async () => {
      await page.goto('/sign-in')
      await page.getByLabel(/^(Language|Idioma)$/).selectOption(lang)
      await expect(page.getByRole('heading', { name: s.auth.title })).toBeVisible()
      await page.reload() // the language choice persists
      await expect(page.getByRole('heading', { name: s.auth.title })).toBeVisible()
      await expectAccessible(page, 'sign-in')
      await screenshot(page, `${lang}-01-sign-in`)
    })

    let me: Me
    await test.step('an agent signs in', async () => {
      await signIn(page, 'agent@example.org', lang)
      const token = await sessionToken(page)
      const answer = await page.request.get('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } })
      me = (await answer.json()) as Me
      expect(me.email).toBe('agent@example.org')
      expect(me.role).toBe('agent')
      await expect(page.getByRole('link', { name: s.common.nav.intake })).toBeVisible()
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang)
    })

    await test.step('a phone contact answered from a knowledge article, resolved on first contact', async () => {
      const article = (await getJson<{ items: Article[] }>(agentApi, `/api/v1/articles?q=${encodeURIComponent(scenario.search)}&language=${lang}`)).items.find(
        (item) => item.slug === scenario.article,
      )!
      expect(article).toBeTruthy()

      await page.getByRole('link', { name: s.common.nav.intake }).click()
      await expect(page.getByRole('heading', { name: s.intake.title, level: 1 })).toBeVisible()
      await page.getByLabel(s.intake.contact.channel, { exact: true }).selectOption('phone')
      await page.getByLabel(s.intake.contact.type, { exact: true }).selectOption('information')
      await page.getByLabel(s.intake.caller.anonymous, { exact: true }).check()
      await page.getByLabel(s.intake.said.label, { exact: true }).fill(scenario.said)
      await page.getByLabel(s.common.contact.knowledge.search, { exact: true }).fill(scenario.search)
      const answered = page.getByRole('button', { name: s.common.contact.knowledge.answered.replace('{{title}}', article.title) }).first()
      await answered.click()
      await expect(answered).toHaveAttribute('aria-pressed', 'true')
      await page.getByLabel(s.intake.outcome.resolved, { exact: true }).check()
      await expectAccessible(page, 'intake')
      await screenshot(page, `${lang}-02-intake-knowledge`)
      await page.getByRole('button', { name: s.intake.submit }).click()
      await expect(page.getByRole('heading', { name: s.intake.done.title })).toBeFocused()
      await expect(page.getByText(s.intake.done.resolved)).toBeVisible()
      await screenshot(page, `${lang}-03-knowledge-logged`)

      const logged = await newestCase(agentApi, me.id)
      expect(logged.channel).toBe('phone')
      expect(logged.type).toBe('information')
      expect(logged.article_ids).toEqual([article.id])
      expect(logged.request_ids).toEqual([])
      expect(logged.resolved_on_first_contact).toBe(true)
      expect(logged.handle_seconds).toBeGreaterThan(0)
      const after = await getJson<Article>(agentApi, `/api/v1/articles/${article.id}`)
      expect(after.use_count).toBe(article.use_count + 1)
    })

    let reference = ''
    let expectedShown = ''
    await test.step('a contact that creates a pothole request at a map point, and its reference read back', async () => {
      // As the agent sees it: the attribute questions and options in the UI language.
      const pothole = await getJson<Service>(agentApi, `/api/v1/services/${POTHOLE}?lang=${lang}`)
      await page.getByRole('button', { name: s.intake.done.next }).click()
      await expect(page.getByRole('heading', { name: s.intake.title, level: 1 })).toBeVisible()
      await page.getByLabel(s.intake.contact.type, { exact: true }).selectOption('service_request')
      await page.getByLabel(s.intake.caller.firstName, { exact: true }).fill('Rosa')
      await page.getByLabel(s.intake.caller.lastName, { exact: true }).fill(`Díaz ${lang} ${Date.now()}`)
      await page.getByLabel(s.intake.caller.phone, { exact: true }).fill('410-555-0142')
      await page.getByLabel(s.intake.said.label, { exact: true }).fill(scenario.pothole)
      await page.getByLabel(s.intake.service.label, { exact: true }).selectOption(POTHOLE)
      const filled = await fillRequiredAttributes(page, pothole)
      // The description is public: the API's check warns about the phone number before saving.
      const description = page.getByLabel(s.intake.service.description, { exact: true })
      await description.fill(`${scenario.pothole}, 410-555-0142`)
      await expect(page.getByText(s.common.personalData.warning.replace('{{items}}', s.common.personalData.phone))).toBeVisible()
      await description.fill(scenario.pothole)
      await expect(page.getByRole('status').filter({ hasText: s.common.personalData.phone })).toHaveCount(0)

      // The address search centres the map; then the point is picked on the map itself.
      const address = page.getByRole('combobox', { name: s.common.contact.address })
      await address.fill(scenario.address)
      await expect(page.getByRole('listbox', { name: s.common.contact.addressSuggestions }).getByRole('option').first()).toBeVisible()
      await address.press('ArrowDown')
      await address.press('Enter')
      const map = page.getByRole('application', { name: s.intake.location.map })
      await expect(page.getByTestId('picked-location')).toBeVisible()
      const box = (await map.boundingBox())!
      await page.mouse.click(box.x + box.width / 2 + 12, box.y + box.height / 2 + 8)
      // The responsible department by its name, never its code.
      await expect(page.getByText(s.intake.location.department).locator('..')).toHaveText(`${s.intake.location.department} ${transportation}`)
      const picked = (await page.getByTestId('picked-location').textContent())!
      const [lat, long] = picked.match(/\((-?[\d.]+),\s*(-?[\d.]+)\)/)!.slice(1).map(Number) as [number, number]
      await expectAccessible(page, 'intake with a service request')
      await screenshot(page, `${lang}-04-intake-pothole`)

      await page.getByRole('button', { name: s.intake.submit }).click()
      const shown = page.getByTestId('reference-number')
      await expect(shown).toBeVisible()
      reference = (await shown.textContent())!.trim()
      expect(reference).toMatch(/^\d{2}-\d{8}$/)
      expectedShown = (await page.getByTestId('expected-date').textContent())!.trim()
      await expectAccessible(page, 'read-back')
      await screenshot(page, `${lang}-05-reference-read-back`)

      const created = await getJson<ServiceRequest>(agentApi, `/api/v1/requests/${reference}`)
      expect(created.service_code).toBe(POTHOLE)
      expect(created.description).toBe(scenario.pothole)
      expect(created.department).toBe('transportation')
      expect(created.status).toBe('new')
      expect(created.location.lat).toBeCloseTo(lat, 4)
      expect(created.location.long).toBeCloseTo(long, 4)
      for (const [code, value] of Object.entries(filled)) expect(created.attributes[code]).toEqual(value)
      expect(created.expected_datetime).not.toBeNull()
      expect(expectedShown).toContain(String(new Date(created.expected_datetime!).getFullYear()))
      const logged = await newestCase(agentApi, me.id)
      expect(logged.type).toBe('service_request')
      expect(logged.request_ids).toEqual([reference])
    })

    await test.step('staff@example.org sees the request in the department queue and closes it', async () => {
      await signOut(page, lang)
      await signIn(page, 'staff@example.org', lang)
      await expect(page.getByRole('link', { name: s.common.nav.intake })).toHaveCount(0)
      await page.getByRole('link', { name: s.common.nav.queues }).click()
      await page.getByRole('tab', { name: s.queues.tabs.department }).click()
      await expect(page.getByRole('tab', { name: s.queues.tabs.department })).toHaveAttribute('aria-selected', 'true')
      const row = page.getByRole('link', { name: reference })
      await expect(row).toBeVisible()
      await expectAccessible(page, 'queues')
      await screenshot(page, `${lang}-06-department-queue`)
      await row.click()
      await expect(page.getByRole('heading', { name: s.detail.title.replace('{{id}}', reference) })).toBeVisible()
      await expectAccessible(page, 'request detail')
      await screenshot(page, `${lang}-07-request-detail`)
      await page.getByRole('button', { name: s.detail.actions.close, exact: true }).click()
      await page.getByLabel(s.detail.actions.closeReason, { exact: true }).selectOption('resolved')
      await page.getByRole('button', { name: s.detail.actions.confirmClose }).click()
      await expect(page.getByRole('button', { name: s.detail.actions.reopen, exact: true })).toBeVisible()
      await expectAccessible(page, 'closed request')
      await screenshot(page, `${lang}-08-request-closed`)

      const closed = await getJson<ServiceRequest>(agentApi, `/api/v1/requests/${reference}`)
      expect(closed.status).toBe('closed')
      expect(closed.close_reason).toBe('resolved')
    })

    await agentApi.dispose()
    watch.expectClean()
  })
}
