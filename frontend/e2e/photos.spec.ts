import { expect, test } from '@playwright/test'
import { apiAs, expectAccessible, getJson, screenshot, signIn, STRINGS, watchPage } from './support'

// A 4×3 red PNG: the API reads the type from the bytes and encodes the image again.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGM4oaEBRww4OQAHpg0hlLAT/AAAAABJRU5ErkJggg==', 'base64')

type Photo = { id: string; visibility: 'public' | 'internal'; content_type: string; width: number; height: number }

/** An agent adds a public and an internal photo to a request; both show (the internal one through the token). */
test('photos on the request detail: upload public and internal, both shown', async ({ page, baseURL }) => {
  const s = STRINGS.en.detail
  const agent = await apiAs(baseURL!, 'agent@example.org')
  const created = await agent.post('/api/v1/requests', {
    data: {
      service_code: 'trm-pothole-repair',
      location: { lat: 39.2904, long: -76.6122, address: '100 N Holliday St, Baltimore, MD' },
      attributes: { pothole_size: 'large' },
      channel: 'phone',
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { id } = (await created.json()) as { id: string }

  const watch = watchPage(page)
  await signIn(page, 'agent@example.org', 'en', `/requests/${id}`)
  const photos = page.getByRole('region', { name: s.photos.heading })
  await expect(photos.getByText(s.photos.none)).toBeVisible()

  for (const [position, visibility] of [[1, 'public'], [2, 'internal']] as const) {
    await photos.getByLabel(s.photos.add).setInputFiles({ name: `hole-${visibility}.png`, mimeType: 'image/png', buffer: PNG })
    await photos.getByRole('radio', { name: s.comments[visibility] }).check()
    await photos.getByRole('button', { name: s.photos.submit }).click()
    await expect(photos.getByText(s.photos.added)).toBeVisible()
    const alt = s.photos.alt.replace('{{position}}', String(position)).replace('{{id}}', id).replace('{{visibility}}', s.timeline[visibility].toLowerCase())
    const image = photos.getByRole('img', { name: alt })
    await expect(image).toBeVisible()
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(4)
  }

  const listed = await getJson<{ items: Photo[] }>(agent, `/api/v1/requests/${id}/photos`)
  expect(listed.items.map((photo) => [photo.visibility, photo.width, photo.height])).toEqual([
    ['public', 4, 3],
    ['internal', 4, 3],
  ])

  // A public comment shows the public photo (only photos of its visibility are offered).
  const comment = page.getByRole('region', { name: s.comments.heading })
  await comment.getByLabel(s.comments.body).fill('Before the repair')
  await comment.getByRole('radio', { name: s.comments.public }).check()
  await comment.getByRole('checkbox', { name: s.comments.photo.replace('{{position}}', '1') }).check()
  await expect(comment.getByRole('checkbox', { name: s.comments.photo.replace('{{position}}', '2') })).toHaveCount(0)
  await comment.getByRole('button', { name: s.comments.submit }).click()
  const timeline = page.getByRole('region', { name: s.timeline.heading })
  await expect(timeline.getByText(s.timeline.photos_one.replace('{{count}}', '1'))).toBeVisible()
  const entries = await getJson<{ items: { kind: string; data: Record<string, string> }[] }>(agent, `/api/v1/requests/${id}/timeline`)
  expect(entries.items.find((entry) => entry.kind === 'comment')?.data.photos).toBe(listed.items[0]!.id)
  await agent.dispose()
  await page.waitForLoadState('networkidle')
  await expectAccessible(page, 'request detail with photos')
  await screenshot(page, 'en-request-photos')
  watch.expectClean()
})
