import { expect, test, type Page } from '@playwright/test'
import { expectAccessible, screenshot, signIn, STRINGS, watchPage } from './support'

const s = STRINGS.en

async function openPothole(page: Page) {
  await signIn(page, 'agent@example.org', 'en')
  await page.getByLabel(s.intake.service.label, { exact: true }).selectOption('trm-pothole-repair')
  return page.getByRole('application', { name: s.intake.location.map })
}

test('without tiles the map draws named streets and, close up, the address points, all from our API', async ({ page }) => {
  const watch = watchPage(page) // also fails on any request to another host
  const streets = page.waitForResponse((response) => response.url().includes('/api/v1/map/streets'))
  const map = await openPothole(page)
  expect((await streets).status()).toBe(200)
  await expect(map.locator('path.leaflet-interactive, path').first()).toBeAttached()
  expect(await map.locator('.leaflet-pane path').count()).toBeGreaterThan(50)
  await expect(map.locator('.leaflet-control-attribution')).toContainText('Streets: Baltimore City open data')

  await map.getByRole('button', { name: 'Zoom in' }).click()
  const names = map.locator('.street-label span')
  await expect(names.first()).toBeVisible()
  expect(await names.count()).toBeGreaterThan(8)
  expect(await names.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/ (ST|AVE|RD|BLVD)$/)]))
  await screenshot(page, 'en-map-streets')

  // An address centres the map at zoom 16; two steps closer the points and their numbers show.
  await page.getByRole('combobox', { name: s.common.contact.address }).fill('2125 Eastern Ave')
  await expect(page.getByRole('listbox', { name: s.common.contact.addressSuggestions }).getByRole('option', { name: /2125 EASTERN AVE/ })).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('picked-location')).toContainText('2125 EASTERN AVE')
  await map.getByRole('button', { name: 'Zoom in' }).click()
  await map.getByRole('button', { name: 'Zoom in' }).click()
  await expect(map.locator('.address-label span', { hasText: /^2125$/ })).toBeVisible()
  await expect(map.locator('.street-label span', { hasText: /^EASTERN AVE$/ })).toBeVisible()
  await screenshot(page, 'en-map-close-up')
  await expectAccessible(page, 'intake map close up')
  watch.expectClean()
})

test('Down then Enter picks the first address suggestion, which the map buttons never cover', async ({ page }) => {
  const watch = watchPage(page)
  const map = await openPothole(page)
  const box = page.getByRole('combobox', { name: s.common.contact.address })
  await map.evaluate((element) => element.scrollIntoView({ block: 'center' })) // both on screen
  await box.fill('Eastern')
  const options = page.getByRole('listbox', { name: s.common.contact.addressSuggestions }).getByRole('option')
  await expect(options.first()).toBeVisible()
  expect(await options.count()).toBeGreaterThan(3)

  // The open list reaches down over the map's +/- buttons: the list must be on top.
  const zoomIn = (await map.getByRole('button', { name: 'Zoom in' }).boundingBox())!
  const list = (await page.getByRole('listbox', { name: s.common.contact.addressSuggestions }).boundingBox())!
  const [x, y] = [zoomIn.x + zoomIn.width / 2, zoomIn.y + zoomIn.height / 2]
  expect(y > list.y && y < list.y + list.height && x > list.x && x < list.x + list.width, 'the list covers the zoom button').toBe(true)
  const onTop = await page.evaluate(([px, py]) => {
    const hit = document.elementFromPoint(px!, py!)?.closest('[role="option"], .leaflet-control')
    return hit ? (hit.getAttribute('role') ?? hit.className) : 'nothing on screen there'
  }, [x, y])
  expect(onTop, 'a suggestion, not the zoom button, is on top').toBe('option')
  await screenshot(page, 'en-address-suggestions-over-map')
  await expect(box).not.toHaveAttribute('aria-activedescendant')

  const first = (await options.first().textContent())!.trim()
  await page.keyboard.press('ArrowDown')
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('picked-location')).toContainText(first.replace(/ \d{5}$/, ''))
  watch.expectClean()
})
