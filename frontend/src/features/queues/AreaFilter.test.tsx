import { screen } from '@testing-library/react'
import { mockApi, type Call } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { QueuesPage } from './QueuesPage'
import { AGENT, aRequest } from './testData'

const lists = (calls: Call[]) => calls.filter((call) => call.method === 'GET' && call.path === '/api/v1/requests')

function setup() {
  return mockApi({
    'GET /api/v1/me': AGENT,
    'GET /api/v1/services': { items: [] },
    'GET /api/v1/departments': { items: [] },
    'GET /api/v1/requests': { items: [aRequest()], next_cursor: null },
    'GET /api/v1/jurisdictions': { items: [{ id: 7, layer: 'council-districts', code: '12', name: 'District 12', properties: {}, contact: null }] },
    'GET /api/v1/jurisdictions/layers': { items: [{ slug: 'council-districts', kind: 'council-district', role: 'info', name: 'Council districts', version: 1, area_count: 14 }] },
  })
}

describe('QueuesPage narrowed to an area (the dashboard map drills in with ?area=)', () => {
  it('asks only for the open requests of that area, names it, and lets it go', async () => {
    const api = setup()
    const { user } = renderWithProviders(<QueuesPage />, { path: '/queues?area=council-districts:12' })
    await screen.findByRole('link', { name: '26-00000001' })
    const first = lists(api.calls).at(-1)!.url.searchParams
    expect(first.get('area')).toBe('council-districts:12')
    expect(first.getAll('status')).toEqual(['new', 'acknowledged', 'in_progress', 'on_hold'])
    expect(await screen.findByText('Only requests in Council districts: District 12.')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Show every area' }))
    expect(screen.queryByText(/Only requests in/)).toBeNull()
    expect(lists(api.calls).at(-1)!.url.searchParams.has('area')).toBe(false)
  })
})
