import { expect, test } from '@playwright/test'
import { clickMapAt } from './map-point'
import { apiAs, expectAccessible, getJson, screenshot, signIn, STRINGS, watchPage } from './support'

const s = STRINGS.en
const CITY_CENTRE: [number, number] = [39.2904, -76.6122] // where the intake map opens, zoom 12
const IN_BALTIMORE_COUNTY: [number, number] = [39.28853, -76.720804] // 5462 Bristol Green Way, Woodlawn
type Case = { type: string; request_ids: string[]; referral: { target: string; agency: string; phone: string; url: string } | null }

test('a pothole outside the city becomes a referral to the county, with no request', async ({ page, baseURL }) => {
  const watch = watchPage(page)
  const agentApi = await apiAs(baseURL!, 'agent@example.org')
  const me = await getJson<{ id: string }>(agentApi, '/api/v1/me')
  const requestsBefore = (await getJson<{ items: unknown[] }>(agentApi, '/api/v1/requests?limit=200')).items.length

  await signIn(page, 'agent@example.org', 'en')
  await page.getByLabel(s.intake.caller.anonymous).check()
  await page.getByLabel(s.intake.said.label, { exact: true }).fill('Deep pothole on my street in Woodlawn')
  await page.getByLabel(s.intake.service.label, { exact: true }).selectOption('trm-pothole-repair')
  await clickMapAt(page, page.getByRole('application', { name: s.intake.location.map }), CITY_CENTRE, 12, IN_BALTIMORE_COUNTY)

  const referral = page.getByText(s.intake.location.referTo)
  await expect(referral).toBeVisible()
  await expect(page.locator('.resolution')).toContainText('Baltimore County government · 410-555-0101 · https://www.example.org/maryland/baltimore-county')
  await screenshot(page, 'en-referral-offered')
  await page.getByRole('button', { name: s.intake.location.recordReferral }).click()

  await expect(page.getByLabel(s.intake.contact.type, { exact: true })).toHaveValue('referral')
  await expect(page.getByLabel(s.intake.service.label, { exact: true })).toHaveValue('')
  await expect(page.getByLabel(s.intake.outcome.agency, { exact: true })).toBeFocused()
  await expect(page.getByLabel(s.intake.outcome.agencyPhone)).toHaveValue('410-555-0101')
  await expect(page.getByLabel(s.intake.outcome.agencyUrl)).toHaveValue('https://www.example.org/maryland/baltimore-county')
  await expect(page.getByText(s.intake.outcome.isReferral)).toBeVisible()
  await expectAccessible(page, 'intake with a referral')
  await page.getByRole('button', { name: s.intake.submit }).click()

  await expect(page.getByRole('heading', { name: s.intake.done.title })).toBeFocused()
  await expect(page.getByText(s.intake.done.noRequest)).toBeVisible()
  await expect(page.getByText(`${s.intake.done.referredTo} Baltimore County government · 410-555-0101`)).toBeVisible()
  await screenshot(page, 'en-referral-logged')

  const { items } = await getJson<{ items: Case[] }>(agentApi, `/api/v1/cases?agent=${me.id}&limit=1`)
  expect(items[0]).toMatchObject({
    type: 'referral',
    request_ids: [],
    referral: { target: 'external', agency: 'Baltimore County government', phone: '410-555-0101', url: 'https://www.example.org/maryland/baltimore-county' },
  })
  expect((await getJson<{ items: unknown[] }>(agentApi, '/api/v1/requests?limit=200')).items).toHaveLength(requestsBefore)
  await agentApi.dispose()
  watch.expectClean()
})
