import { expect, test } from '@playwright/test'
import knowledgeEn from '../src/features/knowledge/locales/en.json' with { type: 'json' }
import knowledgeEs from '../src/features/knowledge/locales/es.json' with { type: 'json' }
import { expectAccessible, screenshot, signIn, STRINGS, watchPage, type Lang } from './support'

const KNOWLEDGE = { en: knowledgeEn, es: knowledgeEs }

/**
 * An article reads as formatted text, not Markdown source: its "## Schedule a pickup" is a section
 * heading under the title, its steps a list; axe-core, no console error, no failed request.
 */
for (const [lang, q, title, section] of [
  ['en', 'bulk trash pickup', 'Bulk trash pickup for furniture and large items', 'Schedule a pickup'],
  ['es', 'recogida de muebles', 'Recogida de muebles y objetos grandes', 'Cómo programar la recogida'],
] as [Lang, string, string, string][]) {
  test(`an article's Markdown is rendered (${lang})`, async ({ page }) => {
    const watch = watchPage(page)
    await signIn(page, 'agent@example.org', lang)
    const nav = page.getByRole('navigation', { name: STRINGS[lang].common.nav.label })
    await nav.getByRole('link', { name: STRINGS[lang].common.nav.knowledge, exact: true }).click()
    await page.getByLabel(KNOWLEDGE[lang].search.text, { exact: true }).fill(q)
    await page.getByRole('button', { name: KNOWLEDGE[lang].search.submit, exact: true }).click()
    await page.getByRole('link', { name: title, exact: true }).click()

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible()
    await expect(page.locator('.article-body ol > li')).toHaveCount(3)
    await expect(page.getByText(/##|\*\*/)).toHaveCount(0)
    await page.waitForLoadState('networkidle')
    await expectAccessible(page, `article ${title}`)
    await screenshot(page, `${lang}-knowledge-article-markdown`)
    watch.expectClean()
  })
}
