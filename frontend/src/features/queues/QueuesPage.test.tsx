import { act, screen, waitFor, within } from '@testing-library/react'
import { requestKeys } from '../../api/queries/requests'
import i18n, { changeLanguage } from '../../i18n'
import { mockApi, type Call } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { QueuesPage } from './QueuesPage'
import { AGENT, aRequest, STAFF } from './testData'

const SERVICES = {
  items: [
    { code: 'trm-pothole-repair', name: 'Pothole repair' },
    { code: 'san-missed-pickup', name: 'Missed trash pickup' },
  ],
}

const lists = (calls: Call[]) => calls.filter((call) => call.method === 'GET' && call.path === '/api/v1/requests')
const last = (calls: Call[]) => lists(calls).at(-1)!

function setup(me = STAFF, items = [aRequest()]) {
  return mockApi({
    'GET /api/v1/me': me,
    'GET /api/v1/services': SERVICES,
    'GET /api/v1/departments': { items: [{ code: 'transportation', name: 'Transportation' }] },
    'GET /api/v1/requests': { status: 200, body: { items, next_cursor: null }, headers: { ETag: '"list-1"' } },
  })
}

describe('QueuesPage', () => {
  it("opens staff on their department's open requests, each row linked by its reference number", async () => {
    const api = setup(STAFF, [
      aRequest(),
      aRequest({ id: '26-00000002', priority: 'urgent', due_soon: true }, 5),
      aRequest({ id: '26-00000003', overdue: true }, -3),
    ])
    renderWithProviders(<QueuesPage />)

    const link = await screen.findByRole('link', { name: '26-00000001' })
    expect(link).toHaveAttribute('href', '/requests/26-00000001')
    expect(screen.getByRole('table', { name: '3 requests' })).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'My department' })).toHaveAttribute('aria-selected', 'true')
    const query = last(api.calls).url.searchParams
    expect(query.get('department')).toBe('transportation')
    expect(query.getAll('status')).toEqual(['new', 'acknowledged', 'in_progress', 'on_hold'])
    expect(screen.getAllByRole('cell', { name: 'Pothole repair' })).toHaveLength(3)

    const dueSoon = screen.getByRole('row', { name: /26-00000002/ })
    expect(within(dueSoon).getByText('Due soon')).toBeInTheDocument()
    expect(within(dueSoon).getByText('Urgent')).toBeInTheDocument()
    expect(within(screen.getByRole('row', { name: /26-00000003/ })).getByText('Overdue')).toBeInTheDocument()
    const onTrack = screen.getByRole('row', { name: /26-00000001/ })
    expect(within(onTrack).queryByText(/Overdue|Due soon/)).toBeNull()
  })

  it('marks what the API marks due soon or overdue, with no clock of its own', async () => {
    setup(STAFF, [
      aRequest({ id: '26-00000004' }, 1), // a short SLA, not yet at 80%: not due soon
      aRequest({ id: '26-00000005', due_soon: true }, 48), // 80% of a week has passed
      aRequest({ id: '26-00000006', status: 'on_hold' }, -2), // a hold stopped its clock in time
    ])
    renderWithProviders(<QueuesPage />)

    const row = async (id: string) => within(await screen.findByRole('row', { name: new RegExp(id) }))
    expect((await row('26-00000004')).queryByText(/Overdue|Due soon/)).toBeNull()
    expect((await row('26-00000005')).getByText('Due soon')).toBeInTheDocument()
    expect((await row('26-00000006')).queryByText(/Overdue|Due soon/)).toBeNull()
  })

  it('asks for my assignments and for everything on the other tabs', async () => {
    const api = setup()
    const { user } = renderWithProviders(<QueuesPage />)
    await screen.findByRole('link', { name: '26-00000001' })

    await user.click(screen.getByRole('tab', { name: 'Assigned to me' }))
    await waitFor(() => expect(last(api.calls).url.searchParams.get('assignee')).toBe(STAFF.id))
    expect(last(api.calls).url.searchParams.has('department')).toBe(false)

    await user.click(screen.getByRole('tab', { name: 'All' }))
    await waitFor(() => expect(screen.getByRole('tab', { name: 'All' })).toHaveAttribute('aria-selected', 'true'))
    const query = last(api.calls).url.searchParams
    expect(query.has('assignee')).toBe(false)
    expect(query.has('department')).toBe(false)
    expect(screen.getByRole('columnheader', { name: 'Department' })).toBeInTheDocument()
    expect(await screen.findByRole('cell', { name: 'Transportation' })).toBeInTheDocument()
  })

  it('says which channel each request came through', async () => {
    setup()
    renderWithProviders(<QueuesPage />)
    const row = within(await screen.findByRole('row', { name: /26-00000001/ }))
    expect(screen.getByRole('columnheader', { name: 'Channel' })).toBeInTheDocument()
    expect(row.getByRole('cell', { name: 'Phone' })).toBeInTheDocument()
  })

  it('moves between tabs with the arrow keys', async () => {
    setup()
    const { user } = renderWithProviders(<QueuesPage />)
    await screen.findByRole('link', { name: '26-00000001' })
    screen.getByRole('tab', { name: 'My department' }).focus()

    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('tab', { name: 'Assigned to me' })).toHaveFocus()
    expect(screen.getByRole('tab', { name: 'Assigned to me' })).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('{ArrowLeft}{ArrowLeft}')
    expect(screen.getByRole('tab', { name: 'Complaints and praise' })).toHaveFocus()
    await user.keyboard('{Home}')
    expect(screen.getByRole('tab', { name: 'My department' })).toHaveFocus()
  })

  it('polls with If-None-Match and keeps the list on a 304', async () => {
    let served = 0
    const api = mockApi({
      'GET /api/v1/me': STAFF,
      'GET /api/v1/services': SERVICES,
      'GET /api/v1/requests': (request: Request) => {
        served += 1
        if (request.headers.get('If-None-Match') === '"list-1"') return { status: 304, headers: { ETag: '"list-1"' } }
        return { status: 200, body: { items: [aRequest()], next_cursor: null }, headers: { ETag: '"list-1"' } }
      },
    })
    const { client } = renderWithProviders(<QueuesPage />)
    await screen.findByRole('link', { name: '26-00000001' })
    expect(lists(api.calls)[0]!.request.headers.get('If-None-Match')).toBeNull()

    await client.refetchQueries({ queryKey: requestKeys.queues() })

    expect(served).toBe(2)
    expect(lists(api.calls)[1]!.request.headers.get('If-None-Match')).toBe('"list-1"')
    expect(screen.getByRole('link', { name: '26-00000001' })).toBeInTheDocument()
  })

  it('filters by status, service, text, overdue and due soon, each asked of the API', async () => {
    const api = setup(STAFF, [aRequest(), aRequest({ id: '26-00000009' }, -1)])
    const { user } = renderWithProviders(<QueuesPage />)
    await screen.findByRole('link', { name: '26-00000001' })

    await user.selectOptions(screen.getByLabelText('Status'), 'Closed')
    await waitFor(() => expect(last(api.calls).url.searchParams.getAll('status')).toEqual(['closed']))
    await user.selectOptions(screen.getByLabelText('Service'), 'Pothole repair')
    await waitFor(() => expect(last(api.calls).url.searchParams.get('service_code')).toBe('trm-pothole-repair'))
    await user.type(screen.getByLabelText('Search text'), 'lane{Enter}')
    await waitFor(() => expect(last(api.calls).url.searchParams.get('q')).toBe('lane'))
    await user.selectOptions(screen.getByLabelText('Status'), 'Any status')
    await waitFor(() => expect(last(api.calls).url.searchParams.has('status')).toBe(false))

    expect(last(api.calls).url.searchParams.has('overdue')).toBe(false)
    await user.click(screen.getByLabelText('Overdue only'))
    await waitFor(() => expect(last(api.calls).url.searchParams.get('overdue')).toBe('true'))
    expect(last(api.calls).url.searchParams.has('due_soon')).toBe(false)
    await user.click(screen.getByLabelText('Due soon only'))
    await waitFor(() => expect(last(api.calls).url.searchParams.get('due_soon')).toBe('true'))

    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(last(api.calls).url.searchParams.has('q')).toBe(false))
    expect(last(api.calls).url.searchParams.has('overdue')).toBe(false)
    expect(last(api.calls).url.searchParams.has('due_soon')).toBe(false)
    expect(screen.getByLabelText('Search text')).toHaveValue('')
    expect(await screen.findByRole('link', { name: '26-00000001' })).toBeInTheDocument()
  })

  it('opens an agent without a department on All, and says why My department is empty', async () => {
    const api = setup(AGENT)
    const { user } = renderWithProviders(<QueuesPage />)
    await screen.findByRole('link', { name: '26-00000001' })
    expect(screen.getByRole('tab', { name: 'All' })).toHaveAttribute('aria-selected', 'true')

    const before = lists(api.calls).length
    await user.click(screen.getByRole('tab', { name: 'My department' }))
    expect(screen.getByText(/do not belong to a department/)).toBeInTheDocument()
    expect(lists(api.calls)).toHaveLength(before)
  })

  it('names departments and shows times in the city’s time zone, labelled, in a browser elsewhere (Tokyo)', async () => {
    const request = aRequest({ requested_at: '2026-11-24T10:00:00Z', expected_datetime: '2026-11-27T22:00:00Z' })
    setup(AGENT, [request])
    renderWithProviders(<QueuesPage />)
    const row = await screen.findByRole('row', { name: /26-00000001/ })
    expect(within(row).getByRole('cell', { name: 'Transportation' })).toBeInTheDocument()
    await waitFor(() => expect(within(row).getByRole('cell', { name: /^Nov 24(, 2026)?, 5:00 AM EST$/ })).toBeInTheDocument())
    expect(within(row).getByRole('cell', { name: /^Nov 27(, 2026)?, 5:00 PM EST/ })).toBeInTheDocument()
    expect(screen.getByText(/^Updated \d+:\d\d [AP]M E[SD]T\./)).toBeInTheDocument()
  })

  it('says when nothing matches', async () => {
    setup(STAFF, [])
    renderWithProviders(<QueuesPage />)
    expect(await screen.findByText('No requests match.')).toBeInTheDocument()
  })

  it('shows more a page at a time from the cursor, and refreshes every page shown', async () => {
    const pages: Record<string, { items: ReturnType<typeof aRequest>[]; next_cursor: string | null }> = {
      first: { items: [aRequest({ id: '26-00000003' })], next_cursor: 'after-3' },
      'after-3': { items: [aRequest({ id: '26-00000002' })], next_cursor: 'after-2' },
      'after-2': { items: [aRequest({ id: '26-00000001' })], next_cursor: null },
    }
    const api = mockApi({
      'GET /api/v1/me': STAFF,
      'GET /api/v1/services': SERVICES,
      'GET /api/v1/departments': { items: [] },
      'GET /api/v1/requests': (_request: Request, url: URL) => {
        const page = pages[url.searchParams.get('cursor') ?? 'first']!
        return { status: 200, body: page, headers: { ETag: `"${url.searchParams.get('cursor') ?? 'first'}"` } }
      },
    })
    const { user, client } = renderWithProviders(<QueuesPage />)
    await screen.findByRole('link', { name: '26-00000003' })
    expect(last(api.calls).url.searchParams.get('limit')).toBe('100')
    expect(last(api.calls).url.searchParams.has('cursor')).toBe(false)

    await user.click(screen.getByRole('button', { name: 'Show more requests' }))
    expect(await screen.findByRole('link', { name: '26-00000002' })).toBeInTheDocument()
    expect(last(api.calls).url.searchParams.get('cursor')).toBe('after-3')
    await user.click(screen.getByRole('button', { name: 'Show more requests' }))
    expect(await screen.findByRole('link', { name: '26-00000001' })).toBeInTheDocument()
    expect(screen.getByRole('table', { name: '3 requests' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Show more requests' })).toBeNull()

    const before = lists(api.calls).length
    await client.refetchQueries({ queryKey: requestKeys.queues() })
    expect(lists(api.calls).length).toBe(before + 3)
    const refreshed = lists(api.calls).slice(before)
    expect(refreshed.map((call) => call.url.searchParams.get('cursor'))).toEqual([null, 'after-3', 'after-2'])
    expect(refreshed.map((call) => call.request.headers.get('If-None-Match'))).toEqual(['"first"', '"after-3"', '"after-2"'])
  })

  it('reports a failure to load', async () => {
    mockApi({
      'GET /api/v1/me': STAFF,
      'GET /api/v1/services': SERVICES,
      'GET /api/v1/requests': { status: 422, body: { title: 'Invalid', status: 422, detail: 'q is too long' } },
    })
    renderWithProviders(<QueuesPage />)
    expect(await screen.findByRole('alert')).toHaveTextContent('q is too long')
  })

  it('speaks Spanish', async () => {
    await i18n.changeLanguage('es')
    setup()
    renderWithProviders(<QueuesPage />)
    await screen.findByRole('link', { name: '26-00000001' })
    expect(screen.getByRole('tab', { name: 'Mi departamento' })).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Asignadas a mí' })).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Todas' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Colas' })).toBeInTheDocument()
    expect(screen.getByRole('table', { name: '1 solicitud' })).toBeInTheDocument()
  })

  it('names services and departments in the UI language, and again after a switch', async () => {
    const spanish = (request: Request) => request.headers.get('Accept-Language') === 'es'
    mockApi({
      'GET /api/v1/me': STAFF,
      'GET /api/v1/services': (request: Request) => ({
        items: [{ code: 'trm-pothole-repair', name: spanish(request) ? 'Bache' : 'Pothole repair' }],
      }),
      'GET /api/v1/departments': (request: Request) => ({
        items: [{ code: 'transportation', name: spanish(request) ? 'Transporte' : 'Transportation' }],
      }),
      'GET /api/v1/requests': { items: [aRequest()], next_cursor: null },
    })
    renderWithProviders(<QueuesPage />)
    expect(await screen.findByRole('cell', { name: 'Pothole repair' })).toBeInTheDocument()
    await act(() => changeLanguage('es'))
    expect(await screen.findByRole('cell', { name: 'Bache' })).toBeInTheDocument()
    expect(screen.getByRole('option', { name: 'Bache' })).toBeInTheDocument()
  })
})
