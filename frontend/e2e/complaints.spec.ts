import { expect, test } from '@playwright/test'
import queuesEn from '../src/features/queues/locales/en.json' with { type: 'json' }
import { apiAs, expectAccessible, getJson, screenshot, signIn, signOut, STRINGS, watchPage } from './support'

const s = STRINGS.en
type Case = { id: string; type: string; department: string | null; summary: string }

test('a complaint about a department reaches that department’s staff', async ({ page, baseURL }) => {
  const watch = watchPage(page)
  const words = `The road crew left cones on my block for a week (${Date.now()})`
  await signIn(page, 'agent@example.org', 'en')
  await page.getByLabel(s.intake.contact.type, { exact: true }).selectOption('complaint')
  await page.getByLabel(s.intake.contact.department, { exact: true }).selectOption({ label: 'Transportation' })
  await page.getByLabel(s.intake.caller.anonymous).check()
  await page.getByLabel(s.intake.said.label, { exact: true }).fill(words)
  await expectAccessible(page, 'intake of a complaint')
  await page.getByRole('button', { name: s.intake.submit }).click()
  await expect(page.getByRole('heading', { name: s.intake.done.title })).toBeFocused()
  await signOut(page, 'en')

  await signIn(page, 'staff@example.org', 'en')
  await page.getByRole('link', { name: s.common.nav.queues }).click()
  await page.getByRole('tab', { name: queuesEn.tabs.feedback }).click()
  const row = page.getByRole('row', { name: new RegExp(words.replace(/[().]/g, '\\$&')) })
  await expect(row).toBeVisible()
  await expect(row.getByRole('cell', { name: queuesEn.feedback.types.complaint })).toBeVisible()
  await expectAccessible(page, 'complaints and praise tab')
  await screenshot(page, 'en-queues-complaints')

  const staffApi = await apiAs(baseURL!, 'staff@example.org')
  const { items } = await getJson<{ items: Case[] }>(staffApi, '/api/v1/cases?type=complaint&department=transportation')
  expect(items.find((item) => item.summary === words)).toMatchObject({ type: 'complaint', department: 'transportation' })
  await staffApi.dispose()
  watch.expectClean()
})
