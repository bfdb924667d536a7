import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import dashboardEn from '../src/features/dashboard/locales/en.json' with { type: 'json' }
import dashboardEs from '../src/features/dashboard/locales/es.json' with { type: 'json' }
import { apiAs, expectAccessible, screenshot, signIn, STRINGS, watchPage, type Lang } from './support'

/**
 * The supervisors' dashboard on the real API: each chart's "Download CSV" saves exactly what
 * the API answers in CSV for the same query; the screen reads in English and in Spanish
 * (screenshots in e2e-screenshots/), axe finds no violation at all, and an area drills into
 * the request list.
 */
const DASHBOARD = { en: dashboardEn, es: dashboardEs } as const
const SERIES_CHARTS = ['volume-by-channel', 'first-contact-resolution', 'sla-on-time', 'time-to-close', 'calls-within-threshold', 'campaign-tags']
const CHARTS = [...SERIES_CHARTS, 'top-issues']
// City Hall, in the Downtown neighborhood and a council district of the demo layers.
// The map's darkest fill: the areas with the most open requests.
const DARKEST = '#08306b'
const CITY_HALL = { lat: 39.2904, long: -76.6122, address: '100 N Holliday St, Baltimore, MD' }

async function report(agent: APIRequestContext, channel: string): Promise<{ id: string; etag: string }> {
  const answer = await agent.post('/api/v1/requests', {
    data: { service_code: 'trm-pothole-repair', location: CITY_HALL, attributes: { pothole_size: 'large' }, channel },
  })
  expect(answer.status(), await answer.text()).toBe(201)
  return { id: ((await answer.json()) as { id: string }).id, etag: answer.headers()['etag']! }
}

/** Contacts (two tagged covid-19), three requests at City Hall (one closed) and three calls; returns an open request. */
async function seed(baseURL: string, stamp: number): Promise<string> {
  const agent = await apiAs(baseURL, 'agent@example.org')
  const contacts = [
    { channel: 'phone', type: 'information', resolved_on_first_contact: true, tags: ['covid-19'] },
    { channel: 'phone', type: 'information', resolved_on_first_contact: false },
    { channel: 'walk_in', type: 'information', resolved_on_first_contact: true, tags: ['covid-19'] },
  ]
  for (const body of contacts) {
    const answer = await agent.post('/api/v1/cases', { data: { ...body, summary: `Dashboard check ${stamp}` } })
    expect(answer.status(), await answer.text()).toBe(201)
  }
  const open = await report(agent, 'phone')
  await report(agent, 'web')
  const done = await report(agent, 'phone')
  await agent.dispose()

  const staff = await apiAs(baseURL, 'staff@example.org')
  const closing = await staff.post(`/api/v1/requests/${done.id}/transitions`, { data: { to: 'closed', reason: 'resolved' }, headers: { 'If-Match': done.etag } })
  expect(closing.status(), await closing.text()).toBe(200)
  await staff.dispose()

  const at = (minutesAgo: number, seconds = 0) => new Date(stamp - minutesAgo * 60_000 + seconds * 1000).toISOString()
  const calls = [
    'call_id,queue,offered_at,answered_at,abandoned_at,ended_at,agent',
    `d${stamp}-1,general,${at(60)},${at(60, 10)},,${at(55)},ann`,
    `d${stamp}-2,general,${at(50)},${at(50, 40)},,${at(45)},ann`,
    `d${stamp}-3,spanish,${at(40)},,${at(40, 30)},,`,
  ].join('\n')
  const supervisor = await apiAs(baseURL, 'supervisor@example.org')
  const imported = await supervisor.post('/api/v1/call-records', { data: calls, headers: { 'Content-Type': 'text/csv' } })
  expect(imported.status(), await imported.text()).toBeLessThan(300)
  await supervisor.dispose()
  return open.id
}

async function save(page: Page, chart: string, label: string): Promise<Buffer> {
  const card = page.locator(`section[data-chart="${chart}"]`)
  await card.scrollIntoViewIfNeeded()
  const saving = page.waitForEvent('download')
  await card.getByRole('button', { name: label }).click()
  return readFile((await (await saving).path())!)
}

/** Clicks a series chart's download; returns the file saved and the query the SPA asked the API for it. */
async function download(page: Page, chart: string, label: string): Promise<{ saved: Buffer; path: string }> {
  const asked = page.waitForRequest((request) => request.url().includes('/api/v1/metrics/') && request.headers()['accept'] === 'text/csv')
  const [request, saved] = await Promise.all([asked, save(page, chart, label)])
  const url = new URL(request.url())
  return { saved, path: `${url.pathname}${url.search}` }
}

type TopIssues = { areas: { code: string; name: string; issues: { service_code: string; service_name: string; count: number; previous_count: number; change: number }[] }[] }

/** Top issues as CSV, written here apart from the SPA's code: the API answers them in JSON only. */
function topIssuesCsv(answer: TopIssues): string {
  const cell = (value: string | number) => {
    const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value)
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  const rows = [['area_code', 'area_name', 'service_code', 'service_name', 'count', 'previous_count', 'change']]
  for (const area of answer.areas)
    for (const issue of area.issues) rows.push([area.code, area.name, issue.service_code, issue.service_name, String(issue.count), String(issue.previous_count), String(issue.change)])
  return rows.map((row) => row.map((value, i) => (i >= 4 ? value : cell(value))).join(',') + '\r\n').join('')
}

async function openEveryTable(page: Page): Promise<void> {
  const folded = page.locator('details.chart-table:not([open]) > summary')
  while ((await folded.count()) > 0) await folded.first().click()
}

for (const lang of ['en', 'es'] as Lang[]) {
  test(`a supervisor's dashboard: every chart's CSV is the API's, in ${lang}, accessible`, async ({ page, baseURL }) => {
    const s = DASHBOARD[lang]
    const common = STRINGS[lang].common
    const seeded = await seed(baseURL!, Date.now())
    const supervisor = await apiAs(baseURL!, 'supervisor@example.org')
    const watch = watchPage(page)
    const topIssuesAsked: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.pathname === '/api/v1/metrics/top-issues') topIssuesAsked.push(`${url.pathname}${url.search}`)
    })

    await signIn(page, 'supervisor@example.org', lang)
    await page.getByRole('navigation', { name: common.nav.label }).getByRole('link', { name: common.nav.dashboard }).click()
    await expect(page.getByRole('heading', { level: 1, name: s.title })).toBeVisible()
    await expect(page.locator('[data-tile="contacts"] .summary-value')).not.toHaveText('0')
    for (const chart of CHARTS) await expect(page.locator(`section[data-chart="${chart}"] [role="status"]`)).toHaveCount(0)

    const csv: Record<string, string> = {}
    for (const chart of SERIES_CHARTS) {
      const { saved, path } = await download(page, chart, s.csv.download)
      csv[chart] = saved.toString('utf8')
      const fromApi = await supervisor.get(path, { headers: { Accept: 'text/csv' } })
      expect(fromApi.status(), path).toBe(200)
      expect(fromApi.headers()['content-type']).toContain('text/csv')
      const expected = await fromApi.body()
      expect(saved.toString('utf8'), `${chart}: ${path}`).toBe(expected.toString('utf8'))
      expect(saved.equals(expected), `${chart}: byte for byte`).toBe(true)
    }
    const topIssues = await save(page, 'top-issues', s.csv.download)
    const topPath = topIssuesAsked.at(-1)!
    const topAnswer = (await (await supervisor.get(topPath)).json()) as TopIssues
    expect(topAnswer.areas.some((area) => area.issues.length > 0), 'the requests just made are in an area').toBe(true)
    expect(topIssues.toString('utf8'), topPath).toBe(topIssuesCsv(topAnswer))

    // What was just logged is in them: contacts by channel, and the campaign tag.
    const total = (text: string, key: string) =>
      text
        .split('\r\n')
        .map((line) => line.split(','))
        .filter((cells) => cells[1] === key)
        .reduce((sum, cells) => sum + Number(cells[3] || 0), 0)
    expect(csv['volume-by-channel']!.split('\r\n')[0]).toBe('bucket,key,label,value')
    expect(total(csv['volume-by-channel']!, 'phone')).toBeGreaterThanOrEqual(2)
    expect(total(csv['volume-by-channel']!, 'walk_in')).toBeGreaterThanOrEqual(1)
    expect(total(csv['campaign-tags']!, 'covid-19')).toBeGreaterThanOrEqual(2)

    await openEveryTable(page)
    await page.waitForLoadState('networkidle')
    await expectAccessible(page, `dashboard (${lang})`)
    const axe = await import('@axe-core/playwright')
    const all = await new axe.default({ page }).analyze()
    expect(all.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
    await screenshot(page, `${lang}-dashboard`)

    // The busiest area (City Hall's: the requests just made) drills into its request list, from
    // the map in English, from the table of links in Spanish.
    const areas = page.locator('section[data-chart="open-by-area"]')
    const busiest = areas.getByRole('table').getByRole('link').first()
    const name = (await busiest.textContent())!.trim()
    if (lang === 'en') await areas.locator(`path.leaflet-interactive[fill="${DARKEST}"]`).first().dispatchEvent('click')
    else await busiest.click()
    await expect(page).toHaveURL(/\/queues\?area=/)
    await expect(page.getByText(new RegExp(`${STRINGS[lang].queues.area.shown.split('{{')[0]}.*${name}`))).toBeVisible()
    await expect(page.getByRole('link', { name: seeded })).toBeVisible()
    await screenshot(page, `${lang}-dashboard-area-drill`)

    await supervisor.dispose()
    watch.expectClean()
  })
}

test("a department manager's dashboard: their own department, and calls left to the contact center", async ({ page, baseURL }) => {
  const s = DASHBOARD.en
  const watch = watchPage(page)
  const manager = await apiAs(baseURL!, 'manager@example.org')
  const departments = (await (await manager.get('/api/v1/departments')).json()) as { items: { code: string; name: string }[] }
  await manager.dispose()
  const asked: URL[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.startsWith('/api/v1/metrics/')) asked.push(url)
  })

  await signIn(page, 'manager@example.org', 'en')
  await page.getByRole('navigation', { name: STRINGS.en.common.nav.label }).getByRole('link', { name: STRINGS.en.common.nav.dashboard }).click()
  await expect(page.getByLabel(s.controls.department, { exact: true })).toHaveValue(departments.items.find((d) => d.code === 'transportation')!.name)
  await expect(page.getByText(s.charts['calls-within-threshold'].allDepartments)).toBeVisible()
  await expect(page.locator('section[data-chart="volume-by-channel"] canvas')).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(asked.length).toBeGreaterThan(0)
  expect(asked.filter((url) => url.searchParams.get('department') !== 'transportation').map(String)).toEqual([])
  expect(asked.filter((url) => url.pathname === '/api/v1/metrics/calls')).toEqual([])
  await expectAccessible(page, 'dashboard (manager)')
  await screenshot(page, 'en-dashboard-manager')
  watch.expectClean()
})
