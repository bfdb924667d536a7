import { screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import type { components } from '../api/client'
import { CallerSection, NO_CALLER } from '../features/intake/CallerSection'
import { ResidentsPage } from '../features/residents/ResidentsPage'
import { mockApi } from '../test/api'
import { renderWithProviders } from '../test/render'

/**
 * The intake's caller picker (5 matches) and the residents screen (50) search residents with the
 * same words. Both are rendered against one query client, so if their queries shared a cache
 * entry, one screen would show the other's results.
 */
type Resident = components['schemas']['ResidentOut']

const resident = (n: number): Resident => ({
  id: `r-${n}`,
  first_name: 'Ana',
  last_name: `Smith ${n}`,
  phones: [],
  emails: [],
  address: null,
  preferred_language: 'en',
  contact_preference: 'email',
  created_at: '2026-01-01T00:00:00Z',
})

const MATCHES = Array.from({ length: 80 }, (_, index) => resident(index + 1))

/** The API answers as many matches as it is asked for. */
function mockResidents() {
  return mockApi({
    'GET /api/v1/residents': (_request: Request, url: URL) => ({ items: MATCHES.slice(0, Number(url.searchParams.get('limit'))), next_offset: null }),
  })
}

function CallerPicker() {
  const [caller, setCaller] = useState(NO_CALLER)
  return <CallerSection value={caller} onChange={setCaller} />
}

/** The residents screen, shown once the agent opens it. */
function ResidentsScreen() {
  const [open, setOpen] = useState(false)
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Open residents
      </button>
    )
  return <ResidentsPage />
}

const pickerResults = () => within(screen.getByRole('list', { name: 'Callers found' })).getAllByRole('button')
const residentRows = () => within(screen.getByRole('table')).getAllByRole('link')

async function settled(client: { isFetching: () => number }) {
  await waitFor(() => expect(client.isFetching()).toBe(0))
}

describe('resident search on two screens', () => {
  it('shows 5 callers in the picker and 50 residents on the residents screen, residents screen first', async () => {
    const api = mockResidents()
    const { user, client } = renderWithProviders(
      <>
        <ResidentsScreen />
        <CallerPicker />
      </>,
      { path: '/residents?q=Smith' },
    )
    await user.click(screen.getByRole('button', { name: 'Open residents' }))
    await waitFor(() => expect(residentRows()).toHaveLength(50))
    await user.type(screen.getByLabelText('Find a caller (name, phone or email)'), 'Smith')
    await waitFor(() => expect(pickerResults()).toHaveLength(5))
    await settled(client)

    expect(pickerResults()).toHaveLength(5)
    expect(residentRows()).toHaveLength(50)
    expect(api.calls.filter((call) => call.path === '/api/v1/residents').map((call) => call.url.searchParams.get('limit')).sort()).toEqual(['5', '50'])
  })

  it('shows 5 callers in the picker and 50 residents on the residents screen, picker first', async () => {
    mockResidents()
    const { user, client } = renderWithProviders(
      <>
        <CallerPicker />
        <ResidentsScreen />
      </>,
      { path: '/residents?q=Smith' },
    )
    await user.type(screen.getByLabelText('Find a caller (name, phone or email)'), 'Smith')
    await waitFor(() => expect(pickerResults()).toHaveLength(5))
    await user.click(screen.getByRole('button', { name: 'Open residents' }))
    await waitFor(() => expect(residentRows()).toHaveLength(50))
    await settled(client)

    expect(pickerResults()).toHaveLength(5)
    expect(residentRows()).toHaveLength(50)
  })
})
