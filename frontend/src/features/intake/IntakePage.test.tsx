import { screen, waitFor, within } from '@testing-library/react'
import { mockApi } from '../../test/api'
import { checkPersonalData } from '../../test/personalData'
import { renderWithProviders } from '../../test/render'
import { GRAFFITI, NO_TRIAGE, POTHOLE, TRASH_ARTICLE } from './fixtures.test-data'
import IntakePage, { caseBody } from './IntakePage'

const CASE = { id: 'c-1', request_ids: [] as string[] }
const REQUEST = { id: '26-00000042', expected_datetime: '2026-11-30T17:00:00Z', status: 'new' }
const ADDRESS = { address: '101 N HOLLIDAY ST', zip: '21202', lat: 39.290917, long: -76.609974, score: 0.9 }

function backend(overrides: Record<string, unknown> = {}) {
  return mockApi({
    'GET /api/v1/services': { items: [POTHOLE, GRAFFITI] },
    'POST /api/v1/triage': NO_TRIAGE,
    'GET /api/v1/articles': { items: [TRASH_ARTICLE], next_offset: null },
    'GET /api/v1/articles/suggestions': { items: [TRASH_ARTICLE] },
    'GET /api/v1/residents': { items: [] },
    'GET /api/v1/jurisdictions/layers': { items: [{ slug: 'city', kind: 'city', role: 'served', name: 'The city', version: 1, area_count: 1 }] },
    'GET /api/v1/jurisdictions/layers/city.geojson': { type: 'FeatureCollection', features: [] },
    'GET /api/v1/addresses': { items: [ADDRESS] },
    'GET /api/v1/jurisdictions/resolve': {
      areas: [{ id: 1, layer: 'city', code: 'c', name: 'Downtown' }],
      responsible: { kind: 'department', department: 'transportation', referral: null },
      explanation: '',
    },
    'GET /api/v1/requests/nearby': { items: [] },
    'POST /api/v1/cases': (request: Request) => request.clone().json().then((body: { requests: unknown[] }) => ({ status: 201, body: { ...CASE, request_ids: body.requests.length ? [REQUEST.id] : [] } })),
    'GET /api/v1/requests/26-00000042': REQUEST,
    'POST /api/v1/personal-data/check': checkPersonalData,
    ...overrides,
  })
}

describe('IntakePage', () => {
  it('logs a phone contact answered from an article and resolved on first contact', async () => {
    const api = backend()
    const { user } = renderWithProviders(<IntakePage />)
    await user.type(screen.getByLabelText("Caller's words and notes"), 'when is my trash collected')
    await user.click(screen.getByLabelText('Anonymous caller'))
    const suggestions = await screen.findByRole('list', { name: 'Suggested articles' })
    await user.click(within(suggestions).getByRole('button', { name: 'Answered with “When is my trash collected?”' }))
    await user.click(screen.getByLabelText('Resolved on first contact'))
    await user.click(screen.getByRole('button', { name: 'Log contact' }))

    expect(await screen.findByRole('heading', { name: 'Contact logged' })).toHaveFocus()
    expect(screen.getByText('No request was opened.')).toBeInTheDocument()
    const posted = api.calls.find((call) => call.method === 'POST' && call.path === '/api/v1/cases')!.body
    expect(posted).toMatchObject({
      channel: 'phone',
      type: 'information',
      anonymous: true,
      resident: null,
      article_ids: [1],
      requests: [],
      resolved_on_first_contact: true,
      summary: 'when is my trash collected',
    })
    const { started_at, ended_at } = posted as { started_at: string; ended_at: string }
    expect(Date.parse(ended_at)).toBeGreaterThanOrEqual(Date.parse(started_at))
    expect(api.unhandled).toEqual([])
  })

  it('asks for the required attributes before it sends anything', async () => {
    const api = backend()
    const { user } = renderWithProviders(<IntakePage />)
    await screen.findByRole('option', { name: 'Pothole' })
    await user.selectOptions(screen.getByLabelText('Service'), POTHOLE.code)
    expect(screen.getByLabelText('Contact type')).toHaveValue('service_request')
    await user.click(screen.getByRole('button', { name: 'Log contact' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Fill in the required fields')
    await waitFor(() => expect(screen.getByRole('combobox', { name: /How big/ })).toHaveFocus())
    expect(api.calls.some((call) => call.path === '/api/v1/cases')).toBe(false)
  })

  it('opens a request at an address and reads back its reference number and expected date', async () => {
    const api = backend()
    const { user } = renderWithProviders(<IntakePage />)
    await user.type(screen.getByLabelText('First name'), 'Rosa')
    await user.type(screen.getByLabelText('Phone'), '410-555-0142')
    await user.type(screen.getByLabelText("Caller's words and notes"), 'deep pothole')
    await screen.findByRole('option', { name: 'Pothole' })
    await user.selectOptions(screen.getByLabelText('Service'), POTHOLE.code)
    await user.selectOptions(screen.getByRole('combobox', { name: /How big/ }), 'large')
    const address = screen.getByRole('combobox', { name: 'Address' })
    await user.type(address, '101 N HOLL')
    await screen.findByRole('option', { name: /101 N HOLLIDAY ST/ })
    await user.keyboard('{ArrowDown}{Enter}')
    expect(await screen.findByTestId('picked-location')).toHaveTextContent('101 N HOLLIDAY ST (39.29092, -76.60997)')
    expect(await screen.findByText('transportation')).toBeInTheDocument()
    expect(screen.getByText('Downtown')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Log contact' }))

    expect(await screen.findByTestId('reference-number')).toHaveTextContent('26-00000042')
    expect(screen.getByTestId('expected-date')).toHaveTextContent('2026')
    const posted = api.calls.find((call) => call.method === 'POST' && call.path === '/api/v1/cases')!.body as Record<string, unknown>
    expect(posted.type).toBe('service_request')
    expect(posted.resident).toEqual({ first_name: 'Rosa', last_name: null, phones: ['410-555-0142'], emails: [], preferred_language: 'en' })
    expect(posted.requests).toEqual([
      {
        service_code: POTHOLE.code,
        description: '',
        internal_note: 'deep pothole',
        attributes: { pothole_size: 'large' },
        channel: 'phone',
        location: { lat: ADDRESS.lat, long: ADDRESS.long, address: ADDRESS.address },
      },
    ])

    await user.click(screen.getByRole('button', { name: 'Start a new contact' }))
    expect(screen.getByRole('heading', { name: 'New contact' })).toBeInTheDocument()
    expect(screen.getByLabelText("Caller's words and notes")).toHaveValue('')
  })

  it('keeps the caller\'s words off the public description, which says it is public and warns about personal data', async () => {
    const api = backend()
    const { user } = renderWithProviders(<IntakePage />)
    await user.type(screen.getByLabelText('First name'), 'Lena')
    await user.type(screen.getByLabelText("Caller's words and notes"), 'Lena, 410-555-0177')
    await screen.findByRole('option', { name: 'Pothole' })
    await user.selectOptions(screen.getByLabelText('Service'), POTHOLE.code)
    await user.selectOptions(screen.getByRole('combobox', { name: /How big/ }), 'large')
    const description = screen.getByLabelText('Public description (residents read it)')
    expect(description).toHaveValue('')
    expect(description).toHaveAccessibleDescription(expect.stringContaining('Shown on the status page and in Open311'))
    await user.type(description, 'Lena 410-555-0177')
    const warning = await screen.findByText(/seems to hold the caller's name and a phone number/)
    expect(warning).toHaveAttribute('role', 'status')
    expect(description).toHaveAccessibleDescription(expect.stringContaining('Please take it out'))
    const checked = api.calls.filter((call) => call.path === '/api/v1/personal-data/check').at(-1)!.body
    expect(checked).toEqual({ text: 'Lena 410-555-0177', names: ['Lena'] })
    await user.clear(description)
    await user.type(description, 'Deep one')
    await waitFor(() => expect(screen.queryByText(/seems to hold/)).toBeNull())
    await user.click(screen.getByRole('button', { name: 'Log contact' }))

    await screen.findByTestId('reference-number')
    const posted = api.calls.find((call) => call.method === 'POST' && call.path === '/api/v1/cases')!.body as { requests: Record<string, unknown>[]; notes: string }
    expect(posted.requests[0]).toMatchObject({ description: 'Deep one', internal_note: 'Lena, 410-555-0177' })
    expect(posted.notes).toBe('Lena, 410-555-0177')
    expect(api.unhandled).toEqual([])
  }, 20_000)

  it('links the contact to a nearby open request instead of opening a duplicate', async () => {
    const api = backend({
      'GET /api/v1/requests/nearby': {
        items: [
          {
            request: {
              id: '26-00000007',
              service_code: POTHOLE.code,
              department: 'transportation',
              status: 'acknowledged',
              description: 'Pothole by the bus stop',
              location: { lat: ADDRESS.lat, long: ADDRESS.long, address: ADDRESS.address },
              requested_at: '2026-11-20T09:00:00Z',
              expected_datetime: null,
            },
            distance_m: 12.4,
            score: 0.9,
          },
        ],
      },
    })
    const { user } = renderWithProviders(<IntakePage />)
    await screen.findByRole('option', { name: 'Pothole' })
    await user.selectOptions(screen.getByLabelText('Service'), POTHOLE.code)
    await user.type(screen.getByRole('combobox', { name: 'Address' }), '101 N HOLL')
    await screen.findByRole('option', { name: /101 N HOLLIDAY ST/ })
    await user.keyboard('{ArrowDown}{Enter}')
    const link = await screen.findByRole('button', { name: 'Link to 26-00000007 instead' })
    expect(screen.getByText(/12 m away/)).toBeInTheDocument()
    await user.click(link)
    expect(link).toHaveAttribute('aria-pressed', 'true')
    await user.click(screen.getByRole('button', { name: 'Log contact' }))

    expect(await screen.findByText('Linked to request')).toBeInTheDocument()
    const posted = api.calls.find((call) => call.method === 'POST' && call.path === '/api/v1/cases')!.body as Record<string, unknown>
    expect(posted.request_ids).toEqual(['26-00000007'])
    expect(posted.requests).toEqual([])
  })

  it('shows the 911 banner for an emergency and takes the referral', async () => {
    const api = backend({
      'POST /api/v1/triage': { ...NO_TRIAGE, emergency: true, emergency_terms: ['not breathing'], suggested_services: [{ service_code: GRAFFITI.code, name: 'Graffiti removal' }] },
    })
    const { user } = renderWithProviders(<IntakePage />)
    await user.type(screen.getByLabelText("Caller's words and notes"), 'my neighbour is not breathing')
    expect(await screen.findByRole('alert')).toHaveTextContent('Emergency: transfer the caller to 911. not breathing')
    await user.click(screen.getByRole('button', { name: 'Graffiti removal' }))
    expect(screen.getByLabelText('Service')).toHaveValue(GRAFFITI.code)
    await user.selectOptions(screen.getByLabelText('Service'), '')
    await user.selectOptions(screen.getByLabelText('Referral'), 'external')
    await user.type(screen.getByLabelText('Agency'), 'Poison control')
    await user.type(screen.getByLabelText('Agency phone'), '800-222-1222')
    await user.click(screen.getByRole('button', { name: 'Log contact' }))
    await screen.findByRole('heading', { name: 'Contact logged' })
    const posted = api.calls.find((call) => call.method === 'POST' && call.path === '/api/v1/cases')!.body as Record<string, unknown>
    expect(posted.referral).toEqual({ target: 'external', agency: 'Poison control', phone: '800-222-1222' })
  })

  it('shows the API problem when the contact is refused, and keeps what was typed', async () => {
    backend({
      'POST /api/v1/cases': { status: 422, body: { title: 'Validation failed', status: 422, detail: 'check the fields', errors: [{ field: 'resident.emails.0', message: 'is not an email' }] } },
    })
    const { user } = renderWithProviders(<IntakePage />)
    await user.type(screen.getByLabelText('Email'), 'nope')
    await user.click(screen.getByRole('button', { name: 'Log contact' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The contact was not logged: check the fields')
    expect(alert).toHaveTextContent('resident.emails.0: is not an email')
    expect(screen.getByLabelText('Email')).toHaveValue('nope')
  })
})

describe('caseBody', () => {
  it('names an existing resident by id and sends no new caller', () => {
    const resident = { id: 'r-1', first_name: 'Ana', last_name: 'Ruiz', phones: [], emails: [], address: null, preferred_language: 'es', contact_preference: 'email' as const, created_at: '' }
    const draft = {
      channel: 'walk_in' as const,
      type: 'status_inquiry' as const,
      language: 'es',
      said: 'x'.repeat(1200),
      caller: { anonymous: false, resident, newCaller: { first_name: 'ignored', last_name: '', phone: '', email: '' } },
      used: [],
      serviceCode: '',
      attributes: {},
      description: '',
      location: { point: null, address: '' },
      linked: null,
      referral: '' as const,
      agency: '',
      agencyPhone: '',
      agencyUrl: '',
      department: '',
      resolved: false,
      startedAt: '2026-11-25T12:00:00.000Z',
    }
    const body = caseBody(draft, undefined, new Date('2026-11-25T12:00:42.000Z'))
    expect(body.started_at).toBe('2026-11-25T12:00:00.000Z')
    expect(body.ended_at).toBe('2026-11-25T12:00:42.000Z')
    expect(body.resident_id).toBe('r-1')
    expect(body.resident).toBeNull()
    expect(body.summary).toHaveLength(1000)
    expect(body.language).toBe('es')
    expect(body.referral).toBeNull()
  })
})

describe('KnowledgePanel', () => {
  it('opens an article to read it to the caller', async () => {
    backend({ 'GET /api/v1/articles/1': { ...TRASH_ARTICLE, body: 'Put it out after 6 p.m.\n\nOne bag per household.', translations: [] } })
    const { user } = renderWithProviders(<IntakePage />)
    await user.type(screen.getByLabelText('Search the knowledge base'), 'trash')
    const found = await screen.findByRole('list', { name: 'Articles found' })
    await user.click(within(found).getByText('When is my trash collected?'))
    expect(await within(found).findByText('One bag per household.')).toBeInTheDocument()
    expect(within(found).getByText('Put it out after 6 p.m.')).toBeInTheDocument()
  })
})

describe('LocationSection referral', () => {
  it('offers to record the referral when the point is not the city’s', async () => {
    const api = backend({
      'GET /api/v1/jurisdictions/resolve': {
        areas: [{ id: 9, layer: 'counties', code: 'bc', name: 'Baltimore County' }],
        responsible: { kind: 'referral', department: null, referral: { name: 'Baltimore County 311', phone: '410-887-5270', url: null, email: null } },
        explanation: '',
      },
    })
    const { user } = renderWithProviders(<IntakePage />)
    await screen.findByRole('option', { name: 'Pothole' })
    await user.selectOptions(screen.getByLabelText('Service'), GRAFFITI.code)
    await user.type(screen.getByRole('combobox', { name: 'Address' }), '101 N HOLL')
    await screen.findByRole('option', { name: /101 N HOLLIDAY ST/ })
    await user.keyboard('{ArrowDown}{Enter}')
    expect(await screen.findByText(/Baltimore County 311 · 410-887-5270/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Record this referral' }))
    expect(screen.getByLabelText('Referral')).toHaveValue('external')
    expect(screen.getByLabelText('Agency')).toHaveValue('Baltimore County 311')
    expect(screen.getByLabelText('Agency phone')).toHaveValue('410-887-5270')
    expect(api.unhandled).toEqual([])
  })
})
