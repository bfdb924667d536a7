import { screen, waitFor } from '@testing-library/react'
import { Link } from 'react-router'
import { mockApi } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { GRAFFITI, NO_TRIAGE, POTHOLE } from './fixtures.test-data'
import IntakePage from './IntakePage'

const TOWSON = { address: '400 WASHINGTON AVE', zip: '21204', lat: 39.4015, long: -76.6019, score: 0.9 }
const COUNTY = { name: 'Baltimore County government', phone: '410-555-0101', url: 'https://www.example.org/maryland/baltimore-county', email: null }
const DEPARTMENTS = {
  items: [
    { code: 'transportation', name: 'Transportation', email: null, phone: null },
    { code: 'solid-waste', name: 'Solid Waste', email: null, phone: null },
  ],
}

function backend() {
  return mockApi({
    'GET /api/v1/services': { items: [POTHOLE, GRAFFITI] },
    'GET /api/v1/departments': DEPARTMENTS,
    'POST /api/v1/triage': NO_TRIAGE,
    'GET /api/v1/articles/suggestions': { items: [] },
    'GET /api/v1/jurisdictions/layers': { items: [] },
    'GET /api/v1/addresses': { items: [TOWSON] },
    'GET /api/v1/jurisdictions/resolve': {
      areas: [{ id: 9, layer: 'maryland-counties', code: '24005', name: 'Baltimore County' }],
      responsible: { kind: 'referral', department: null, referral: COUNTY },
      explanation: 'The point lies in Baltimore County…',
    },
    'GET /api/v1/requests/nearby': { items: [] },
    'POST /api/v1/cases': { status: 201, body: { id: 'c-1', request_ids: [] } },
  })
}

function posted(api: ReturnType<typeof backend>) {
  return api.calls.find((call) => call.method === 'POST' && call.path === '/api/v1/cases')!.body as Record<string, unknown>
}

describe('a new contact', () => {
  it('starts with the focus in its first field', async () => {
    backend()
    renderWithProviders(<IntakePage />)
    await waitFor(() => expect(screen.getByLabelText('Channel')).toHaveFocus())
  })

  it('starts over when the agent asks for a new contact after logging one', async () => {
    backend()
    const { user } = renderWithProviders(
      <>
        <Link to="/intake">New contact</Link>
        <IntakePage />
      </>,
    )
    await user.type(screen.getByLabelText("Caller's words and notes"), 'Asked about recycling')
    await user.click(screen.getByRole('link', { name: 'New contact' }))
    expect(screen.getByLabelText('Channel')).toHaveFocus() // a contact under way is kept
    expect(screen.getByLabelText("Caller's words and notes")).toHaveValue('Asked about recycling')
    await user.click(screen.getByRole('button', { name: 'Log contact' }))
    await screen.findByRole('heading', { name: 'Contact logged' })
    await user.click(screen.getByRole('link', { name: 'New contact' }))
    expect(await screen.findByLabelText("Caller's words and notes")).toHaveValue('')
    expect(screen.getByLabelText('Channel')).toHaveFocus()
  })

  it('records a referral outside the city as a referral with no request, in one step', async () => {
    const api = backend()
    const { user } = renderWithProviders(<IntakePage />)
    await screen.findByRole('option', { name: 'Pothole' })
    await user.selectOptions(screen.getByLabelText('Service'), POTHOLE.code)
    await user.type(screen.getByRole('combobox', { name: 'Address' }), '400 WASHINGTON')
    await screen.findByRole('option', { name: /400 WASHINGTON AVE/ })
    await user.keyboard('{ArrowDown}{Enter}')
    expect(await screen.findByText(/Baltimore County government · 410-555-0101 · https:\/\/www.example.org/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Record this referral' }))

    expect(screen.getByLabelText('Contact type')).toHaveValue('referral')
    expect(screen.getByLabelText('Service')).toHaveValue('')
    expect(screen.getByLabelText('Referral')).toHaveValue('external')
    await waitFor(() => expect(screen.getByLabelText('Agency')).toHaveFocus())
    expect(screen.getByLabelText('Agency')).toHaveValue('Baltimore County government')
    expect(screen.getByLabelText('Agency phone')).toHaveValue('410-555-0101')
    expect(screen.getByLabelText('Agency web address')).toHaveValue(COUNTY.url)
    expect(screen.getByRole('status')).toHaveTextContent('This contact is a referral: no request will be opened.')

    await user.click(screen.getByRole('button', { name: 'Log contact' }))
    expect(await screen.findByRole('heading', { name: 'Contact logged' })).toHaveFocus()
    expect(screen.getByText(/Referred to Baltimore County government · 410-555-0101 · https:\/\/www.example.org/)).toBeInTheDocument()
    const body = posted(api)
    expect(body.type).toBe('referral')
    expect(body.requests).toEqual([])
    expect(body.referral).toEqual({ target: 'external', agency: COUNTY.name, phone: COUNTY.phone, url: COUNTY.url })
    expect(api.unhandled).toEqual([])
  })

  it('names the department a complaint is about', async () => {
    const api = backend()
    const { user } = renderWithProviders(<IntakePage />)
    expect(screen.queryByLabelText('Department concerned')).not.toBeInTheDocument()
    await user.selectOptions(screen.getByLabelText('Contact type'), 'complaint')
    await screen.findByRole('option', { name: 'Transportation' })
    await user.selectOptions(screen.getByLabelText('Department concerned'), 'transportation')
    await user.type(screen.getByLabelText("Caller's words and notes"), 'The crew left cones for a week')
    await user.click(screen.getByRole('button', { name: 'Log contact' }))
    await screen.findByRole('heading', { name: 'Contact logged' })
    expect(posted(api)).toMatchObject({ type: 'complaint', department: 'transportation' })
  })

  it('sends no department for other contact types', async () => {
    const api = backend()
    const { user } = renderWithProviders(<IntakePage />)
    await user.selectOptions(screen.getByLabelText('Contact type'), 'praise')
    await screen.findByRole('option', { name: 'Solid Waste' })
    await user.selectOptions(screen.getByLabelText('Department concerned'), 'solid-waste')
    await user.selectOptions(screen.getByLabelText('Contact type'), 'information')
    await user.click(screen.getByRole('button', { name: 'Log contact' }))
    await screen.findByRole('heading', { name: 'Contact logged' })
    expect(posted(api).department).toBeNull()
  })
})
