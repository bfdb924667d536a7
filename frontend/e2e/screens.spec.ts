import { expect, test } from '@playwright/test'
import { expectAccessible, screenshot, signIn, signOut, STRINGS, watchPage, type Lang } from './support'

/**
 * Every screen in each role's navigation, in both languages: it renders its heading, axe-core
 * finds no serious or critical violation, and nothing fails in the console or on the network.
 */
for (const lang of ['en', 'es'] as Lang[]) {
  for (const email of ['agent@example.org', 'staff@example.org', 'supervisor@example.org']) {
    test(`every main screen of ${email} in ${lang}`, async ({ page }) => {
      const watch = watchPage(page)
      await signIn(page, email, lang)
      const nav = page.getByRole('navigation', { name: STRINGS[lang].common.nav.label })
      const names = (await nav.getByRole('link').allTextContents()).map((name) => name.trim())
      expect(names.length).toBeGreaterThan(0)
      for (const name of names) {
        await nav.getByRole('link', { name, exact: true }).click()
        await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page')
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
        await page.waitForLoadState('networkidle')
        await expectAccessible(page, `${name} (${email}, ${lang})`)
        await screenshot(page, `${lang}-screen-${email.split('@')[0]}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`)
      }
      await signOut(page, lang)
      watch.expectClean()
    })
  }
}
