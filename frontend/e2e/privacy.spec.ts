import { expect, test, type Response } from '@playwright/test'
import { apiAs } from './support'

// A resident's details, seeded where staff may write them: the reporter fields, the public
// description, a public and an internal comment, and a status note.
const FIRST = 'Zebulon'
const LAST = 'Quillfeather'
const EMAIL = 'zebulon.quillfeather@example.net'
const PHONE = '(410) 555-0199'
const PHONE_DIGITS = '4105550199'
const SAID = `${FIRST} ${LAST}, ${EMAIL}, ${PHONE}`

/**
 * No personal data on the residents' pages: after staff seed a resident's name, email and
 * phone into a request, its comments and a status note, neither the pages (/, /map, /answers,
 * /status, /status/:number) nor any JSON they load holds any of them, in either language.
 */
test('the residents\' pages and the JSON they load hold no personal data', async ({ page, baseURL }) => {
  const agent = await apiAs(baseURL!, 'agent@example.org')
  const created = await agent.post('/api/v1/requests', {
    data: {
      service_code: 'trm-pothole-repair',
      location: { lat: 39.2904, long: -76.6122, address: '100 N Holliday St, Baltimore, MD' },
      attributes: { pothole_size: 'small' },
      channel: 'phone',
      description: `Deep pothole. Reported by ${SAID}`,
      internal_note: `Caller: ${SAID}`,
      reporter: { first_name: FIRST, last_name: LAST, email: EMAIL, phone: PHONE },
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { id: number } = (await created.json()) as { id: string }
  // Each change names the version it was made on, as the agent's screen does.
  const version = async () => ({ 'If-Match': (await agent.get(`/api/v1/requests/${number}`)).headers()['etag']! })
  for (const visibility of ['public', 'internal']) {
    const comment = await agent.post(`/api/v1/requests/${number}/comments`, {
      data: { body: `Spoke to ${SAID}`, visibility },
      headers: await version(),
    })
    expect(comment.status(), await comment.text()).toBe(200)
  }
  const moved = await agent.post(`/api/v1/requests/${number}/transitions`, {
    data: { to: 'in_progress', note: `Crew called ${SAID}` },
    headers: await version(),
  })
  expect(moved.status(), await moved.text()).toBeLessThan(300)
  await agent.dispose()

  const loaded: Promise<string>[] = []
  page.on('response', (response: Response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) loaded.push(response.text().catch(() => ''))
  })
  const seen: string[] = []
  for (const lang of ['en', 'es']) {
    await page.addInitScript((chosen) => localStorage.setItem('frontdoor.language', chosen), lang)
    for (const path of ['/', '/map', '/answers', '/status', `/status/${number}`]) {
      await page.goto(path)
      await page.waitForLoadState('networkidle')
      await expect(page.locator('h1')).toHaveCount(1)
      seen.push(`${path} (${lang}) page`, await page.content())
    }
  }
  const bodies = await Promise.all(loaded)
  expect(bodies.some((body) => body.includes(number)), 'the pages loaded the request').toBe(true)
  for (const text of [...seen, ...bodies]) {
    const lower = text.toLowerCase()
    for (const needle of [FIRST, LAST, EMAIL, 'quillfeather@', '555-0199']) expect(lower).not.toContain(needle.toLowerCase())
    expect(text.replace(/\D/g, '')).not.toContain(PHONE_DIGITS)
  }
})
