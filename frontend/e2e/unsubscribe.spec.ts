import { expect, test } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import unsubscribeEn from '../src/features/unsubscribe/locales/en.json' with { type: 'json' }
import unsubscribeEs from '../src/features/unsubscribe/locales/es.json' with { type: 'json' }
import { apiAs, expectAccessible, getJson, screenshot, STRINGS, watchPage } from './support'

type OptOut = { address: string; opted_out_at: string; source: string }

/** The one-click target in the List-Unsubscribe header of the email the worker wrote to `to`. */
function optOutToken(to: string): string | null {
  const folder = process.env.E2E_MAIL_DIR
  if (!folder) throw new Error('E2E_MAIL_DIR is not set: run the e2e tests with scripts/e2e.sh')
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.eml'))) {
    const message = readFileSync(join(folder, name), 'utf8')
    if (!new RegExp(`^To: .*${to.replace(/[.]/g, '\\.')}`, 'mi').test(message)) continue
    const header = /^List-Unsubscribe: <[^>]*[?&]token=([A-Za-z0-9_.-]+)>/m.exec(message)
    if (header) return header[1]!
  }
  return null
}

/**
 * A resident follows the link at the bottom of their email, signed out: opening the page changes
 * nothing, pressing the button stops the emails, and the agent then sees the opt-out on the
 * resident's record. axe-core in both languages, no console error, no failed request.
 */
test('a resident stops emails from the link in their email, and the agent sees it', async ({ page, baseURL }) => {
  const agent = await apiAs(baseURL!, 'agent@example.org')
  const email = `optout${Date.now()}@example.net`
  const answer = await agent.post('/api/v1/requests', {
    data: {
      service_code: 'trm-pothole-repair',
      description: 'Pothole in the bike lane',
      location: { lat: 39.2904, long: -76.6122 },
      attributes: { pothole_size: 'small' },
      reporter: { first_name: 'Ana', last_name: 'Reyes', email },
      channel: 'web',
    },
  })
  expect(answer.status(), await answer.text()).toBe(201)
  const { resident_id: residentId } = (await answer.json()) as { resident_id: string }

  let token: string | null = null
  await expect.poll(() => (token = optOutToken(email)), { message: 'the submission email', timeout: 30_000 }).not.toBeNull()

  const watch = watchPage(page)
  await page.goto(`/unsubscribe?token=${token}`)
  await expect(page.getByRole('heading', { level: 1, name: unsubscribeEn.title })).toBeVisible()
  await page.waitForLoadState('networkidle')
  const before = await getJson<{ email_opt_outs: OptOut[] }>(agent, `/api/v1/residents/${residentId}`)
  expect(before.email_opt_outs, 'opening the link changes nothing').toEqual([])
  await expectAccessible(page, 'unsubscribe page (en)')

  await page.getByLabel(STRINGS.en.common.language).selectOption('es')
  await expect(page.getByRole('heading', { level: 1, name: unsubscribeEs.title })).toBeVisible()
  await expectAccessible(page, 'unsubscribe page (es)')
  await page.getByRole('button', { name: unsubscribeEs.stop }).click()
  await expect(page.getByRole('status')).toHaveText(unsubscribeEs.done)
  await screenshot(page, 'es-unsubscribe')

  const after = await getJson<{ email_opt_outs: OptOut[] }>(agent, `/api/v1/residents/${residentId}`)
  expect(after.email_opt_outs.map(({ address, source }) => ({ address, source }))).toEqual([{ address: email, source: 'link' }])
  await agent.dispose()
  watch.expectClean()
})
