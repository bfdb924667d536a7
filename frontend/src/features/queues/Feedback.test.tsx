import { screen, within } from '@testing-library/react'
import i18n from '../../i18n'
import { mockApi } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { QueuesPage } from './QueuesPage'
import { AGENT, STAFF } from './testData'

const COMPLAINT = {
  id: 'c-1',
  channel: 'phone',
  type: 'complaint',
  department: 'transportation',
  summary: 'The crew left cones in the road for a week',
  created_at: '2026-11-24T15:30:00Z',
}
const PRAISE = { ...COMPLAINT, id: 'c-2', type: 'praise', channel: 'email', summary: 'Fixed my pothole in a day', created_at: '2026-11-25T09:00:00Z' }
const UNNAMED = { ...COMPLAINT, id: 'c-3', department: null, summary: 'Waited long on hold' }

function setup(me = STAFF, items: unknown[] = [PRAISE, COMPLAINT]) {
  return mockApi({
    'GET /api/v1/me': me,
    'GET /api/v1/services': { items: [] },
    'GET /api/v1/departments': { items: [{ code: 'transportation', name: 'Transportation' }] },
    'GET /api/v1/requests': { items: [], next_cursor: null },
    'GET /api/v1/cases': { items },
  })
}

describe('the complaints and praise tab', () => {
  it("shows staff the complaints and praise about their department", async () => {
    const api = setup()
    const { user } = renderWithProviders(<QueuesPage />)
    await user.click(await screen.findByRole('tab', { name: 'Complaints and praise' }))
    const table = await screen.findByRole('table', { name: '2 complaints or praise' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(within(rows[0]!).getByText('Praise')).toBeInTheDocument()
    expect(within(rows[0]!).getByText('Fixed my pothole in a day')).toBeInTheDocument()
    expect(within(rows[0]!).getByText('Email')).toBeInTheDocument()
    expect(within(rows[1]!).getByText('Complaint')).toBeInTheDocument()
    expect(within(table).queryByRole('columnheader', { name: 'Department' })).toBeNull() // all theirs
    const asked = api.calls.find((call) => call.path === '/api/v1/cases')!.url.searchParams
    expect(asked.getAll('type')).toEqual(['complaint', 'praise'])
  })

  it('shows the contact center every department, by name', async () => {
    setup(AGENT, [COMPLAINT, UNNAMED])
    const { user } = renderWithProviders(<QueuesPage />)
    await user.click(await screen.findByRole('tab', { name: 'Complaints and praise' }))
    const table = await screen.findByRole('table', { name: '2 complaints or praise' })
    expect(within(table).getByRole('columnheader', { name: 'Department' })).toBeInTheDocument()
    expect(within(table).getByRole('cell', { name: 'Transportation' })).toBeInTheDocument()
    expect(within(table).getByRole('cell', { name: '—' })).toBeInTheDocument()
  })

  it('says so when there are none, in Spanish too', async () => {
    await i18n.changeLanguage('es')
    setup(STAFF, [])
    const { user } = renderWithProviders(<QueuesPage />)
    await user.click(await screen.findByRole('tab', { name: 'Quejas y elogios' }))
    expect(await screen.findByText('No hay quejas ni elogios.')).toBeInTheDocument()
  })
})
