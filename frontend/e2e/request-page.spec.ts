import { expect, test, type APIRequestContext } from '@playwright/test'
import { apiAs, expectAccessible, getJson, screenshot, signIn, STRINGS, watchPage, type Lang } from './support'

// The browser sits in Tokyo; the city (the API's FRONTDOOR_TIMEZONE) in New York.
test.use({ timezoneId: 'Asia/Tokyo' })

const CITY_ZONE = 'America/New_York'
const LABELS: Record<Lang, RegExp> = { en: /E[SD]T/, es: /GMT-[45]/ }
type Created = { id: string; requested_at: string }
type Held = Created & { location: { address: string | null }; areas: { name: string }[] }

async function report(agent: APIRequestContext, reporter: Record<string, string>): Promise<Created> {
  const answer = await agent.post('/api/v1/requests', {
    data: {
      service_code: 'trm-pothole-repair',
      location: { lat: 39.2904, long: -76.6122, address: '100 N Holliday St, Baltimore, MD' },
      attributes: { pothole_size: 'large' },
      reporter,
      channel: 'phone',
    },
  })
  expect(answer.status(), await answer.text()).toBe(201)
  return (await answer.json()) as Created
}

/** The API's time as the city reads it, whitespace normalised (Chromium's ICU may use a narrow space before PM). */
function cityTime(iso: string, lang: Lang): string {
  const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: CITY_ZONE }
  return new Intl.DateTimeFormat(lang, options).format(new Date(iso)).replace(/\s+/g, ' ')
}

for (const lang of ['en', 'es'] as Lang[]) {
  test(`department staff see who to call back, who else reported it, a map and city times (${lang})`, async ({ page, baseURL }) => {
    const s = STRINGS[lang].detail
    const common = STRINGS[lang].common
    const agent = await apiAs(baseURL!, 'agent@example.org')
    const stamp = Date.now()
    const parent = await report(agent, { first_name: 'Rosa', last_name: `Parks${stamp}`, email: `rosa${stamp}@example.net`, phone: '+14105550100' })
    const child = await report(agent, { first_name: 'Lena', last_name: `Leakcheck${stamp}`, phone: '+14105550177' })
    const merged = await agent.post(`/api/v1/requests/${child.id}/merge`, { data: { into: parent.id }, headers: { 'If-Match': '"v1"' } })
    expect(merged.status(), await merged.text()).toBe(200)
    const held = await getJson<Held>(agent, `/api/v1/requests/${parent.id}`)
    const departments = await agent.get('/api/v1/departments', { headers: { 'Accept-Language': lang } })
    const department = ((await departments.json()) as { items: { code: string; name: string }[] }).items.find((item) => item.code === 'transportation')!.name
    await agent.dispose()

    const watch = watchPage(page)
    await signIn(page, 'staff@example.org', lang, `/requests/${parent.id}`)
    await expect(page.getByText(`Stevie Staff · ${common.roles.staff}, ${department}`)).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: s.title.replace('{{id}}', parent.id) })).toBeVisible()

    const reporter = page.getByRole('region', { name: s.reporter.heading })
    await expect(reporter.getByText(`Rosa Parks${stamp}`)).toBeVisible()
    await expect(reporter.getByRole('link', { name: '+14105550100' })).toHaveAttribute('href', 'tel:+14105550100')
    await expect(reporter.getByRole('link', { name: `rosa${stamp}@example.net` })).toHaveAttribute('href', `mailto:rosa${stamp}@example.net`)

    const linked = page.getByRole('region', { name: s.linked.heading })
    await expect(linked.getByRole('heading', { name: s.linked.followers_one.replace('{{count}}', '1') })).toBeVisible()
    const follower = linked.getByRole('listitem')
    await expect(follower).toContainText(`Lena Leakcheck${stamp}`)
    await expect(follower.getByRole('link', { name: '+14105550177' })).toHaveAttribute('href', 'tel:+14105550177')
    await expect(follower.getByRole('link', { name: child.id })).toHaveAttribute('href', `/requests/${child.id}`)

    const map = page.getByRole('region', { name: s.map.heading })
    await expect(map.getByRole('img', { name: s.map.label.replace('{{place}}', held.location.address!) })).toBeVisible()
    await expect(map.locator('.point-map-canvas path')).not.toHaveCount(0) // the point, and the areas' outlines
    for (const area of held.areas) await expect(map).toContainText(area.name)

    const details = page.getByRole('region', { name: s.summary.heading })
    await expect(details).toContainText(department)
    await expect(details).not.toContainText('transportation') // the code
    const requested = details.getByText(s.summary.requested, { exact: true }).locator('xpath=following-sibling::dd')
    await expect(requested).toHaveText(cityTime(held.requested_at, lang))
    await expect(requested).toHaveText(LABELS[lang])

    await page.waitForLoadState('networkidle')
    await expectAccessible(page, `request page (${lang})`)
    await screenshot(page, `${lang}-request-page`)
    watch.expectClean()
  })
}
