import { expect, test } from '@playwright/test'
import { watchPage } from './support'

// /docs runs Swagger UI under the page's Content-Security-Policy (no 'unsafe-inline'): a
// refused script or style would be a console error, and the operations would not render.
test('the API docs render every operation with no CSP violation', async ({ page }) => {
  const watcher = watchPage(page)
  const answer = await page.goto('/docs')
  expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'")
  await expect(page.locator('.opblock').first()).toBeVisible()
  const spec = await (await page.request.get('/openapi.json')).json()
  const operations = Object.values(spec.paths as Record<string, object>).flatMap((item) => Object.keys(item))
  await expect(page.locator('.opblock')).toHaveCount(operations.length)
  await page.locator('.opblock-summary').first().click()
  await expect(page.locator('.opblock-body').first()).toBeVisible()
  watcher.expectClean()
})
