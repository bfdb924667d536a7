import { expect, test, type Locator, type Page } from '@playwright/test'
import { apiAs, getJson, PASSWORD, screenshot, STRINGS, watchPage } from './support'

const s = STRINGS.en

/** Presses Tab until `target` has the focus: proves it is reachable, in order, without a mouse. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${target}`)
}

test('the common path by keyboard alone: sign in, answer from knowledge, open a request at a map point', async ({ page, baseURL }) => {
  const watch = watchPage(page)
  const agentApi = await apiAs(baseURL!, 'agent@example.org')
  const me = await getJson<{ id: string }>(agentApi, '/api/v1/me')

  await page.goto('/sign-in')
  await expect(page.getByLabel(s.auth.email)).toBeFocused()
  await page.keyboard.type('agent@example.org')
  await page.keyboard.press('Tab')
  await page.keyboard.type(PASSWORD)
  await page.keyboard.press('Enter')

  // An agent's home is a new contact, with the focus in its first field (not on the page body).
  await expect(page.getByLabel(s.intake.contact.channel, { exact: true })).toBeFocused()
  await tabTo(page, page.getByLabel(s.intake.caller.anonymous))
  await page.keyboard.press('Space')
  await tabTo(page, page.getByLabel(s.intake.said.label, { exact: true }))
  await page.keyboard.type('When is my trash collected?')
  const answered = page
    .getByRole('list', { name: s.common.contact.knowledge.suggested })
    .getByRole('button', { name: 'Answered with “When is my trash collected?”' })
  await expect(answered).toBeVisible()
  await tabTo(page, answered)
  await page.keyboard.press('Enter')
  await expect(answered).toHaveAttribute('aria-pressed', 'true')
  await tabTo(page, page.getByLabel(s.intake.outcome.resolved, { exact: true }))
  await page.keyboard.press('Space')
  await tabTo(page, page.getByRole('button', { name: s.intake.submit }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: s.intake.done.title })).toBeFocused()

  const { items } = await getJson<{ items: { article_ids: number[]; resolved_on_first_contact: boolean }[] }>(
    agentApi,
    `/api/v1/cases?agent=${me.id}&limit=1`,
  )
  expect(items[0]!.article_ids.length).toBe(1)
  expect(items[0]!.resolved_on_first_contact).toBe(true)

  // The next contact: a pothole, its point dropped on the map with Enter.
  await tabTo(page, page.getByRole('button', { name: s.intake.done.next }))
  await page.keyboard.press('Enter')
  await tabTo(page, page.getByLabel(s.intake.caller.anonymous))
  await page.keyboard.press('Space')
  await tabTo(page, page.getByLabel(s.intake.service.label, { exact: true }))
  await page.keyboard.type('Pothole')
  await expect(page.getByLabel(s.intake.service.label, { exact: true })).toHaveValue('trm-pothole-repair')
  const pothole = await getJson<{ attributes: { code: string; description: string; required: boolean; datatype: string }[] }>(
    agentApi,
    '/api/v1/services/trm-pothole-repair',
  )
  for (const attribute of pothole.attributes.filter((candidate) => candidate.required)) {
    const label = new RegExp(`^${attribute.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
    if (attribute.datatype === 'multivaluelist') {
      await tabTo(page, page.getByRole('group', { name: label }).getByRole('checkbox').first())
      await page.keyboard.press('Space')
      continue
    }
    expect(['singlevaluelist', 'string', 'number', 'text'], `no keyboard recipe for ${attribute.datatype}`).toContain(attribute.datatype)
    await tabTo(page, page.getByLabel(label))
    if (attribute.datatype === 'singlevaluelist') await page.keyboard.press('ArrowDown')
    else await page.keyboard.type('2')
  }
  await tabTo(page, page.getByRole('combobox', { name: s.common.contact.address }))
  await page.keyboard.type('101 N HOLLIDAY')
  await expect(page.getByRole('listbox', { name: s.common.contact.addressSuggestions }).getByRole('option').first()).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await tabTo(page, page.getByRole('application', { name: s.intake.location.map }))
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  await expect(page.getByText(s.intake.location.department)).toBeVisible()
  await tabTo(page, page.getByRole('button', { name: s.intake.submit }))
  await page.keyboard.press('Enter')
  const reference = (await page.getByTestId('reference-number').textContent())!.trim()
  await screenshot(page, 'en-keyboard-read-back')

  const created = await getJson<{ service_code: string; location: { lat: number } }>(agentApi, `/api/v1/requests/${reference}`)
  expect(created.service_code).toBe('trm-pothole-repair')
  expect(created.location.lat).toBeGreaterThan(39.2)
  await agentApi.dispose()
  watch.expectClean()
})
