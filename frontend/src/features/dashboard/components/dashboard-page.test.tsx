import { screen, waitFor, within } from '@testing-library/react'
import { Route, Routes, useLocation } from 'react-router'
import { vi } from 'vitest'
import i18n from '../../../i18n'
import { mockApi, type Reply } from '../../../test/api'
import { renderWithProviders } from '../../../test/render'
import { CSV, DEPARTMENTS, LAYERS, me, OPEN_BY_AREA, seriesFor, SHAPES, SUMMARY, TOP_ISSUES } from '../dashboard.test-data'
import { DashboardPage } from './dashboard-page'

const csvReply = (request: Request) =>
  request.headers.get('Accept') === 'text/csv' ? { status: 200, body: CSV, headers: { 'Content-Type': 'text/csv; charset=utf-8' } } : null

function series(request: Request, url: URL): Reply {
  return csvReply(request) ?? seriesFor(url)
}

function fakeApi(who = me('supervisor'), extra: Record<string, Reply> = {}) {
  return mockApi({
    'GET /api/v1/me': who,
    'GET /api/v1/departments': DEPARTMENTS,
    'GET /api/v1/jurisdictions/layers': LAYERS,
    'GET /api/v1/jurisdictions/layers/neighborhoods.geojson': SHAPES,
    'GET /api/v1/metrics/summary': SUMMARY,
    'GET /api/v1/metrics/contacts': series,
    'GET /api/v1/metrics/sla': series,
    'GET /api/v1/metrics/calls': series,
    'GET /api/v1/metrics/csat': series,
    'GET /api/v1/metrics/top-issues': TOP_ISSUES,
    'GET /api/v1/metrics/open-by-area': OPEN_BY_AREA,
    ...extra,
  })
}

function Where() {
  const location = useLocation()
  return <p>list at {`${location.pathname}${location.search}`}</p>
}

function renderDashboard(path = '/dashboard?from=2026-11-01&to=2026-11-30') {
  return renderWithProviders(
    <Routes>
      <Route path="/dashboard" element={<DashboardPage />} />
      <Route path="/queues" element={<Where />} />
    </Routes>,
    { path },
  )
}

const section = (name: RegExp | string) => screen.getByRole('region', { name })

beforeEach(() => {
  // jsdom draws no canvas: the charts are Chart.js's to draw, the figures are the tables'.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})

afterEach(() => vi.restoreAllMocks())

describe('DashboardPage', () => {
  it("asks for the window from the first day's city midnight to the one after the last day", async () => {
    const api = fakeApi()
    renderDashboard()
    await screen.findByText('66.7%')
    const summary = api.calls.find((call) => call.path === '/api/v1/metrics/summary')!
    expect(summary.url.searchParams.get('from')).toBe('2026-11-01T04:00:00.000Z')
    expect(summary.url.searchParams.get('to')).toBe('2026-12-01T05:00:00.000Z')
    expect(summary.url.searchParams.has('department')).toBe(false)
    expect(api.unhandled).toEqual([])
  })

  it('shows the headline figures with their goals', async () => {
    fakeApi()
    renderDashboard()
    const fcr = (await screen.findByText('Resolved on first contact')).closest('div')!
    expect(within(fcr).getByText('66.7%')).toBeInTheDocument()
    expect(within(fcr).getByText('goal 75%')).toBeInTheDocument()
    expect(screen.getByText('Calls answered within 25 s')).toBeInTheDocument()
    const csat = screen.getByText('Resident satisfaction (4 of 9 surveys answered)').closest('div')!
    expect(within(csat).getByText('4.3 / 5')).toBeInTheDocument()
    expect(within(screen.getByText('Residents satisfied (4 or 5)').closest('div')!).getByText('75%')).toBeInTheDocument()
  })

  it('draws each chart from its own series, with the same figures in a table', async () => {
    const api = fakeApi()
    renderDashboard()
    const volume = await screen.findByRole('table', { name: 'Contacts by channel' })
    expect(within(volume).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Period', 'Phone', 'Walk-in'])
    expect(within(volume).getByRole('rowheader', { name: 'Nov 1' })).toBeInTheDocument()
    const sla = await screen.findByRole('table', { name: 'SLA compliance by department' })
    expect(within(sla).getByRole('row', { name: 'Transportation 50%' })).toBeInTheDocument()
    expect(within(sla).getByRole('row', { name: 'Sanitation —' })).toBeInTheDocument()
    expect(await screen.findByRole('table', { name: 'First-contact resolution (goal 75%)' })).toBeInTheDocument()
    expect(await screen.findByRole('table', { name: 'Calls answered within the threshold, by hour of day (goal 90%)' })).toBeInTheDocument()
    expect(await screen.findByRole('table', { name: 'Campaign tags' })).toBeInTheDocument()
    const csat = await screen.findByRole('table', { name: 'Resident satisfaction by department' })
    expect(within(csat).getByRole('row', { name: 'Transportation 50%' })).toBeInTheDocument()
    expect(within(section('Campaign tags')).getByText(/Only the largest groups are shown/)).toBeInTheDocument()
    expect(within(section('Contacts by channel')).queryByText(/Only the largest groups/)).toBeNull()
    const asked = (measure: string) => api.calls.find((call) => call.url.searchParams.get('measure') === measure)!.url.searchParams
    expect(asked('fcr_rate').get('interval')).toBe('day')
    expect(asked('fcr_rate').has('group_by')).toBe(false)
    expect(asked('on_time_rate').get('interval')).toBe('total')
    expect(asked('answered_within_threshold_rate').get('group_by')).toBe('hour_of_day')
    expect(api.calls.find((call) => call.path === '/api/v1/metrics/csat')!.url.searchParams.get('measure')).toBe('satisfied_rate')
  })

  it("downloads a chart's CSV as the API writes it, for the chart's own query", async () => {
    const api = fakeApi()
    const saved: Blob[] = []
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => (saved.push(blob), 'blob:csv'), revokeObjectURL: () => undefined }))
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    const { user } = renderDashboard()
    await screen.findByRole('table', { name: 'Contacts by channel' })
    await user.click(within(section('Contacts by channel')).getByRole('button', { name: 'Download CSV' }))
    await waitFor(() => expect(saved).toHaveLength(1))
    expect(await saved[0]!.text()).toBe(CSV)
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('volume-by-channel_2026-11-01_2026-11-30.csv')
    const csvCall = api.calls.find((call) => call.request.headers.get('Accept') === 'text/csv')!
    const chartCall = api.calls.find((call) => call.path === csvCall.path && call.url.searchParams.get('group_by') === 'channel' && call !== csvCall)!
    expect(csvCall.url.search).toBe(chartCall.url.search)
  })

  it('lists the top issues of each area against the period before, and writes their CSV from the same answer', async () => {
    const api = fakeApi()
    const saved: Blob[] = []
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => (saved.push(blob), 'blob:csv'), revokeObjectURL: () => undefined }))
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    const { user } = renderDashboard()
    const table = await screen.findByRole('table', { name: 'Top 3 issues by area (Neighborhoods)' })
    expect(within(table).getByRole('row', { name: 'Canton Pothole repair 5 2 +3' })).toBeInTheDocument()
    expect(within(table).getByRole('row', { name: 'Dirty street 1 1 0' })).toBeInTheDocument()
    const asked = api.calls.find((call) => call.path === '/api/v1/metrics/top-issues')!.url.searchParams
    expect([asked.get('layer'), asked.get('limit')]).toEqual(['neighborhoods', '3'])
    await user.click(within(section(/Top 3 issues/)).getByRole('button', { name: 'Download CSV' }))
    await waitFor(() => expect(saved).toHaveLength(1))
    expect((await saved[0]!.text()).split('\r\n')).toEqual([
      'area_code,area_name,service_code,service_name,count,previous_count,change',
      'Canton,Canton,trm-pothole-repair,Pothole repair,5,2,3',
      'Canton,Canton,sw-dirty-street,Dirty street,1,1,0',
      '',
    ])
  })

  it('says so when a download fails', async () => {
    fakeApi(me('supervisor'), { 'GET /api/v1/metrics/sla': (request: Request, url: URL) => (csvReply(request) ? { status: 500, body: { title: 'Boom' } } : seriesFor(url)) })
    const { user } = renderDashboard()
    await screen.findByRole('table', { name: 'Time to close by department' })
    await user.click(within(section('Time to close by department')).getByRole('button', { name: 'Download CSV' }))
    expect(await within(section('Time to close by department')).findByRole('alert')).toHaveTextContent('The download failed')
  })

  it('lists the open requests by area as links into the request list of each area', async () => {
    fakeApi()
    const { user } = renderDashboard()
    const table = await screen.findByRole('table', { name: 'Open requests by area (Neighborhoods)' })
    const links = within(table).getAllByRole('link')
    expect(links.map((link) => link.textContent)).toEqual(['Canton', 'Highlandtown'])
    await user.click(links[0]!)
    expect(await screen.findByText('list at /queues?area=neighborhoods%3ACanton')).toBeInTheDocument()
  })

  it('switches the areas to another layer', async () => {
    const api = fakeApi(me('supervisor'), { 'GET /api/v1/jurisdictions/layers/council-districts.geojson': { type: 'FeatureCollection', features: [] } })
    const { user } = renderDashboard()
    await screen.findByRole('table', { name: 'Open requests by area (Neighborhoods)' })
    await user.selectOptions(screen.getByLabelText('Areas'), 'council-districts')
    expect(await screen.findByRole('heading', { name: 'Open requests by area (Council districts)' })).toBeInTheDocument()
    await waitFor(() => expect(api.calls.some((call) => call.path === '/api/v1/metrics/top-issues' && call.url.searchParams.get('layer') === 'council-districts')).toBe(true))
  })

  it('narrows every figure to the department chosen, and leaves calls to the contact center', async () => {
    const api = fakeApi()
    const { user } = renderDashboard()
    await screen.findByText('66.7%')
    await user.selectOptions(screen.getByLabelText('Department'), 'transportation')
    expect(await screen.findByText(/Calls belong to the contact center/)).toBeInTheDocument()
    const after = api.calls.filter((call) => call.url.searchParams.get('department') === 'transportation')
    expect(after.map((call) => call.path)).toContain('/api/v1/metrics/summary')
    expect(after.map((call) => call.path)).not.toContain('/api/v1/metrics/calls')
  })

  it("keeps a department manager to their own department", async () => {
    const api = fakeApi(me('staff', 'manager', 'transportation'))
    renderDashboard()
    await screen.findByText('66.7%')
    expect(screen.getByLabelText('Department')).toHaveValue('Transportation')
    const metrics = api.calls.filter((call) => call.path.startsWith('/api/v1/metrics/'))
    expect(metrics.length).toBeGreaterThan(0)
    expect(metrics.every((call) => call.url.searchParams.get('department') === 'transportation')).toBe(true)
  })

  it('refuses a window that ends before it starts', async () => {
    const api = fakeApi()
    renderDashboard('/dashboard?from=2026-11-30&to=2026-11-01')
    expect(await screen.findByRole('alert')).toHaveTextContent('The first day comes after the last one')
    expect(api.calls.filter((call) => call.path.startsWith('/api/v1/metrics/'))).toEqual([])
  })

  it('speaks Spanish', async () => {
    fakeApi()
    await i18n.changeLanguage('es')
    renderDashboard()
    expect(await screen.findByRole('heading', { level: 1, name: 'Indicadores' })).toBeInTheDocument()
    const volume = await screen.findByRole('table', { name: 'Contactos por canal' })
    expect(within(volume).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Periodo', 'Teléfono', 'En persona'])
    expect(within(await screen.findByRole('table', { name: /^Resolución en el primer contacto \(meta 75\s%\)$/ })).getByRole('columnheader', { name: 'Todos' })).toBeInTheDocument()
    expect(screen.getAllByRole('button', { name: 'Descargar CSV' }).length).toBe(8)
  })
})
