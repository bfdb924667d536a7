import AxeBuilder from '@axe-core/playwright'
import { expect, request as playwrightRequest, test, type Page } from '@playwright/test'
import cardEn from '../src/features/report-card/locales/en.json' with { type: 'json' }
import cardEs from '../src/features/report-card/locales/es.json' with { type: 'json' }
import { apiAs, expectAccessible, screenshot, STRINGS, watchPage } from './support'

type Figures = {
  opened: number
  closed: number
  sla_on_time_rate: number | null
  median_days_to_close: number | null
  survey_answers: number
  average_score: number | null
}
type Card = { months: string[]; departments: { code: string; name: string; total: Figures; months: (Figures & { month: string })[] }[] }

/** Not one axe-core violation, whatever its impact. */
async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  await expectAccessible(page, screen)
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((violation) => `${violation.id} (${violation.impact})`), `axe on ${screen}`).toEqual([])
}

async function publicCard(baseURL: string, language: string): Promise<Card> {
  const anonymous = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Connection: 'close', 'Accept-Language': language } })
  const answer = await anonymous.get('/api/v1/report-card')
  expect(answer.status()).toBe(200)
  const card = (await answer.json()) as Card
  await anonymous.dispose()
  return card
}

/**
 * The public report card, signed out: a request made and closed through the API shows in its
 * department's table for this month, with the figures the API gives, in English and in Spanish.
 * axe-core finds no violation, and the page makes no failed request and no console error.
 */
test('anyone reads the report card, signed out, in English and Spanish', async ({ page, baseURL }) => {
  const agent = await apiAs(baseURL!, 'agent@example.org')
  const made = await agent.post('/api/v1/requests', {
    data: {
      service_code: 'trm-pothole-repair',
      description: 'Pothole for the report card',
      location: { lat: 39.2904, long: -76.6122, address: '100 N Holliday St, Baltimore, MD' },
      attributes: { pothole_size: 'large' },
      channel: 'phone',
    },
  })
  expect(made.status(), await made.text()).toBe(201)
  const { id } = (await made.json()) as { id: string }
  await agent.dispose()
  const staff = await apiAs(baseURL!, 'staff@example.org')
  const closing = await staff.post(`/api/v1/requests/${id}/transitions`, {
    data: { to: 'closed', reason: 'resolved', note: 'Patched.' },
    headers: { 'If-Match': made.headers()['etag']! },
  })
  expect(closing.status(), await closing.text()).toBe(200)
  await staff.dispose()

  const card = await publicCard(baseURL!, 'en')
  const transportation = card.departments.find((department) => department.code === 'transportation')!
  const thisMonth = transportation.months.at(-1)!
  expect(thisMonth.month).toBe(card.months.at(-1))
  expect(thisMonth.opened).toBeGreaterThanOrEqual(1)
  expect(thisMonth.closed).toBeGreaterThanOrEqual(1)

  const watch = watchPage(page)
  await page.goto('/report-card')
  await expect(page.getByRole('heading', { level: 1, name: cardEn.title })).toBeVisible()
  await expect(page.getByRole('navigation', { name: /^(Main|Principal)$/ })).toHaveCount(0)
  const table = page.getByRole('table', { name: cardEn.caption.replace('{{department}}', 'Transportation') })
  const [year, month] = thisMonth.month.split('-').map(Number) as [number, number]
  const monthName = (language: string) =>
    new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 15)))
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: monthName('en'), exact: true }) })
  await expect(row.getByRole('cell')).toHaveText([
    String(thisMonth.opened),
    String(thisMonth.closed),
    thisMonth.sla_on_time_rate === null ? cardEn.noData : new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(thisMonth.sla_on_time_rate),
    thisMonth.median_days_to_close === null ? cardEn.noData : new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(thisMonth.median_days_to_close),
    thisMonth.average_score === null
      ? cardEn.noAnswers
      : (thisMonth.survey_answers === 1 ? cardEn.score_one : cardEn.score_other)
          .replace('{{score}}', new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(thisMonth.average_score))
          .replace('{{count}}', String(thisMonth.survey_answers)),
  ])
  await expect(page.getByRole('table')).toHaveCount(card.departments.length + 1) // and the summary
  const summary = page.getByRole('table', { name: cardEn.summary })
  const summaryRow = summary.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Transportation', exact: true }) })
  await expect(summaryRow.getByRole('cell').first()).toHaveText(String(transportation.total.opened))
  await expect(page.getByRole('link', { name: cardEn.csv })).toHaveAttribute('href', '/api/v1/open-data/requests.csv')
  await page.waitForLoadState('networkidle')
  await expectNoAxeViolations(page, 'report card (en)')
  await screenshot(page, 'en-report-card')

  await page.getByLabel(STRINGS.en.common.language).selectOption('es')
  await expect(page.getByRole('heading', { level: 1, name: cardEs.title })).toBeVisible()
  const spanish = (await publicCard(baseURL!, 'es')).departments.find((department) => department.code === 'transportation')!
  expect(spanish.name).toBe('Transporte')
  const tabla = page.getByRole('table', { name: cardEs.caption.replace('{{department}}', spanish.name) })
  await expect(tabla.getByRole('rowheader', { name: monthName('es'), exact: true })).toBeVisible()
  await expect(tabla.getByRole('columnheader', { name: cardEs.onTime })).toBeVisible()
  await page.waitForLoadState('networkidle')
  await expectNoAxeViolations(page, 'report card (es)')
  await screenshot(page, 'es-report-card')
  watch.expectClean()
})
