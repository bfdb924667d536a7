import { act, screen, within } from '@testing-library/react'
import i18n, { changeLanguage } from '../../i18n'
import { mockApi } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { ReportCardPage } from './ReportCardPage'
import type { ReportCard } from './useReportCard'

const EMPTY = { opened: 0, closed: 0, sla_on_time_rate: null, median_days_to_close: null, survey_answers: 0, average_score: null }
const MONTHS = ['2026-01', '2026-02']

function aCard(name = 'Transportation'): ReportCard {
  return {
    time_zone: 'America/New_York',
    start: '2026-01-01T00:00:00-05:00',
    end: '2026-03-01T00:00:00-05:00',
    months: MONTHS,
    departments: [
      {
        code: 'transportation',
        name,
        total: { opened: 1234, closed: 3, sla_on_time_rate: 2 / 3, median_days_to_close: 1.5, survey_answers: 2, average_score: 4.5 },
        months: [
          { month: '2026-01', ...EMPTY, opened: 1 },
          { month: '2026-02', opened: 1233, closed: 3, sla_on_time_rate: 2 / 3, median_days_to_close: 1.5, survey_answers: 1, average_score: 4 },
        ],
      },
      { code: 'housing', name: 'Housing', total: EMPTY, months: MONTHS.map((month) => ({ month, ...EMPTY })) },
    ],
  }
}

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent)

describe('ReportCardPage', () => {
  afterEach(async () => {
    await act(() => changeLanguage('en'))
  })

  it('shows one table per department, a row per month and the 12-month total, without a token', async () => {
    const api = mockApi({ 'GET /api/v1/report-card': aCard() })
    renderWithProviders(<ReportCardPage />, { path: '/report-card' })
    expect(screen.getByRole('heading', { level: 1, name: '311 report card' })).toBeInTheDocument()
    const table = await screen.findByRole('table', { name: 'Transportation: requests by month' })
    const rows = within(table).getAllByRole('row')
    expect(rows.map((row) => within(row).queryByRole('rowheader')?.textContent ?? null)).toEqual([null, 'January 2026', 'February 2026', 'Last 12 months'])
    expect(cells(rows[1]!)).toEqual(['1', '0', 'no data', 'no data', 'no answers'])
    expect(cells(rows[2]!)).toEqual(['1,233', '3', '66.7%', '1.5', '4 (1 answer)'])
    expect(cells(rows[3]!)).toEqual(['1,234', '3', '66.7%', '1.5', '4.5 (2 answers)'])
    expect(screen.getByRole('table', { name: 'Housing: requests by month' })).toBeInTheDocument()
    const summary = screen.getByRole('table', { name: 'The last 12 months, by department' })
    const byDepartment = within(summary).getAllByRole('row').slice(1)
    expect(byDepartment.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Transportation', 'Housing'])
    expect(cells(byDepartment[0]!)).toEqual(['1,234', '3', '66.7%', '1.5', '4.5 (2 answers)'])
    expect(screen.getByRole('link', { name: 'CSV file' })).toHaveAttribute('href', '/api/v1/open-data/requests.csv')
    expect(api.calls[0]!.request.headers.get('Authorization')).toBeNull()
  })

  it('speaks Spanish: months, numbers and the department names the API gives', async () => {
    mockApi({ 'GET /api/v1/report-card': (request: Request) => aCard(request.headers.get('Accept-Language') === 'es' ? 'Transporte' : 'Transportation') })
    await act(() => changeLanguage('es'))
    renderWithProviders(<ReportCardPage />, { path: '/report-card' })
    const table = await screen.findByRole('table', { name: 'Transporte: solicitudes por mes' })
    const rows = within(table).getAllByRole('row')
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('enero de 2026')
    expect(cells(rows[1]!)).toEqual(['1', '0', 'sin datos', 'sin datos', 'sin respuestas'])
    expect(cells(rows[3]!)[4]).toBe('4,5 (2 respuestas)')
    expect(cells(rows[2]!)[2]).toMatch(/^66,7\s?%$/)
    expect(i18n.language).toBe('es')
  })

  it('says so when the card cannot be loaded', async () => {
    mockApi({ 'GET /api/v1/report-card': { status: 500, body: { title: 'Internal Server Error', status: 500 } } })
    renderWithProviders(<ReportCardPage />, { path: '/report-card' })
    expect(await screen.findByRole('alert')).toHaveTextContent('The report card could not be loaded just now.')
  })
})
