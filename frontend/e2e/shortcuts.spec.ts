import { expect, test } from '@playwright/test'
import shortcutsEn from '../src/features/shortcuts/locales/en.json' with { type: 'json' }
import shortcutsEs from '../src/features/shortcuts/locales/es.json' with { type: 'json' }
import { apiAs, expectAccessible, getJson, screenshot, signIn, STRINGS, watchPage, type Lang } from './support'

const SHORTCUTS = { en: shortcutsEn, es: shortcutsEs } as const

for (const lang of ['en', 'es'] as Lang[]) {
  test(`after sign-in the first field has the focus, and the shortcuts work (${lang})`, async ({ page, baseURL }) => {
    const s = STRINGS[lang]
    const k = SHORTCUTS[lang]
    const watch = watchPage(page)
    const agentApi = await apiAs(baseURL!, 'agent@example.org')
    const me = await getJson<{ id: string }>(agentApi, '/api/v1/me')
    await signIn(page, 'agent@example.org', lang)
    const channel = page.getByLabel(s.intake.contact.channel, { exact: true })
    await expect(channel).toBeFocused()

    await page.keyboard.press('?')
    const dialog = page.getByRole('dialog', { name: k.title })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('button', { name: k.close })).toBeFocused()
    for (const action of Object.values(k.actions)) await expect(dialog.getByText(action)).toBeVisible()
    await expectAccessible(page, `shortcuts help (${lang})`)
    await screenshot(page, `${lang}-shortcuts-help`)
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(channel).toBeFocused()

    await page.keyboard.press('/')
    await expect(page.getByLabel(s.common.contact.knowledge.search)).toBeFocused()
    await page.getByLabel(s.intake.caller.anonymous).check()
    await page.getByLabel(s.intake.said.label, { exact: true }).fill('Asked for the 311 opening hours')
    await page.keyboard.press('Control+Enter') // save, from inside the notes
    await expect(page.getByRole('heading', { name: s.intake.done.title })).toBeFocused()
    const { items } = await getJson<{ items: { summary: string }[] }>(agentApi, `/api/v1/cases?agent=${me.id}&limit=1`)
    expect(items[0]!.summary).toBe('Asked for the 311 opening hours')

    await page.getByRole('link', { name: s.common.nav.queues }).click()
    await page.keyboard.press('n')
    await expect(page.getByRole('heading', { name: s.intake.title, level: 1 })).toBeVisible()
    await expect(page.getByLabel(s.intake.contact.channel, { exact: true })).toBeFocused()
    await expect(page.getByLabel(s.intake.said.label, { exact: true })).toHaveValue('')
    await agentApi.dispose()
    watch.expectClean()
  })
}
