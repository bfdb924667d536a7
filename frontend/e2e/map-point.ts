import type { Locator, Page } from '@playwright/test'

/** Where a place is on the Leaflet map on screen (web Mercator), from its centre and zoom. */
export async function clickMapAt(page: Page, map: Locator, centre: [number, number], zoom: number, at: [number, number]) {
  const scale = (256 * 2 ** zoom) / 360 // pixels per degree of longitude
  const y = (lat: number) => (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180) / Math.PI
  await map.scrollIntoViewIfNeeded()
  const box = (await map.boundingBox())!
  const dx = (at[1] - centre[1]) * scale
  const dy = (y(centre[0]) - y(at[0])) * scale
  await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy)
}
