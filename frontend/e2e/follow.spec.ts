import { expect, test } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import portalEn from '../src/features/portal/locales/en.json' with { type: 'json' }
import { apiAs, expectAccessible, getJson, STRINGS, watchPage } from './support'

/** The emails the worker wrote to `to`, oldest first, quoted-printable soft breaks undone. */
function mailTo(to: string): string[] {
  const folder = process.env.E2E_MAIL_DIR
  if (!folder) throw new Error('E2E_MAIL_DIR is not set: run the e2e tests with scripts/e2e.sh')
  return readdirSync(folder)
    .filter((file) => file.endsWith('.eml'))
    .sort()
    .map((file) => readFileSync(join(folder, file), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '='))
    .filter((message) => new RegExp(`^To: .*${to.replace(/[.]/g, '\\.')}`, 'mi').test(message))
}

function confirmPath(to: string): string | null {
  for (const message of mailTo(to)) {
    const link = /\/follow\/confirm\?token=([A-Za-z0-9_.~%-]+)/.exec(message)
    if (link) return `/follow/confirm?token=${link[1]}`
  }
  return null
}

/**
 * Follow instead of duplicating: a second resident reporting the same pothole is offered the
 * open one nearby and follows it; nothing is subscribed until they confirm from the email, and
 * once confirmed they get the closure email when staff close the request.
 */
test('a second resident follows the existing pothole instead of reporting it again', async ({ page, baseURL }) => {
  const s = portalEn
  const agent = await apiAs(baseURL!, 'agent@example.org')
  const created = await agent.post('/api/v1/requests', {
    data: {
      service_code: 'trm-pothole-repair',
      description: 'Deep hole by the bus stop',
      // The demo geocoder's 101 N Holliday St: the suggestion the second resident picks.
      location: { lat: 39.290917, long: -76.609974, address: '101 N Holliday St, Baltimore, MD' },
      attributes: { pothole_size: 'large' },
      channel: 'phone',
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { id: number } = (await created.json()) as { id: string }
  const follower = `follower${Date.now()}@example.net`

  const watch = watchPage(page)
  await page.goto('/report/trm-pothole-repair')
  await page.getByRole('combobox', { name: s.location.address }).fill('101 N Holliday St')
  const suggestions = page.getByRole('listbox', { name: s.location.suggestions })
  await suggestions.getByRole('option', { name: /^101 N HOLLIDAY ST/ }).click()
  const nearby = page.getByRole('region', { name: s.nearby.title })
  await nearby.getByRole('button', { name: s.nearby.followNumber.replace('{{number}}', number) }).click()
  await nearby.getByRole('textbox', { name: STRINGS.en.common.public.email }).fill(follower)
  await page.waitForTimeout(3_500) // the API's minimum fill time
  await nearby.getByRole('button', { name: STRINGS.en.common.public.follow.submit }).click()
  await expect(nearby.getByRole('status')).toContainText(follower, { timeout: 30_000 }) // the bot check may take a few seconds
  await expectAccessible(page, 'follow instead')

  let path: string | null = null
  await expect.poll(() => (path = confirmPath(follower)), { message: 'the confirmation email', timeout: 30_000 }).not.toBeNull()
  await page.goto(path!)
  await page.getByRole('button', { name: s.followConfirm.confirm }).click()
  await expect(page.getByRole('link', { name: number })).toHaveAttribute('href', `/status/${number}`)
  watch.expectClean()

  const staff = await apiAs(baseURL!, 'staff@example.org')
  const current = await staff.get(`/api/v1/requests/${number}`)
  const closing = await staff.post(`/api/v1/requests/${number}/transitions`, {
    data: { to: 'closed', reason: 'resolved', note: 'Filled today.' },
    headers: { 'If-Match': current.headers()['etag']! },
  })
  expect(closing.status(), await closing.text()).toBe(200)
  await expect.poll(() => mailTo(follower).length, { message: 'the closure email', timeout: 30_000 }).toBeGreaterThanOrEqual(2)
  expect(mailTo(follower).at(-1)).toContain(number)
  const held = await getJson<{ id: string }>(agent, `/api/v1/requests/${number}`)
  expect(held.id).toBe(number)
  await Promise.all([agent.dispose(), staff.dispose()])
})
