import { screen, waitFor, within } from '@testing-library/react'
import { Route, Routes } from 'react-router'
import i18n from '../../i18n'
import type { components } from '../../api/client'
import { mockApi, type Reply } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { ResidentPage } from './ResidentPage'
import { ResidentsPage } from './ResidentsPage'

type Resident = components['schemas']['ResidentOut']
type History = components['schemas']['ResidentHistoryOut']
type Case = components['schemas']['CaseOut']

const RID = '5b7c2c9e-1d1f-4b6a-9c4e-0a1b2c3d4e5f'

const rosa: Resident = {
  id: RID,
  first_name: 'Rosa',
  last_name: 'Parks',
  phones: ['+14105550100'],
  emails: ['rosa@example.net'],
  address: '100 N Holliday St',
  preferred_language: 'es',
  contact_preference: 'email' as const,
  created_at: '2026-03-01T10:00:00Z',
}

const aCase = (overrides: Partial<Case> = {}): Case => ({
  id: 'c-1',
  channel: 'phone',
  type: 'service_request',
  language: 'es',
  summary: 'Reported a pothole',
  notes: '',
  department: null,
  resident_id: RID,
  anonymous: false,
  article_ids: [],
  request_ids: ['26-00000001'],
  referral: null,
  resolved_on_first_contact: null,
  tags: [],
  call_id: null,
  started_at: '2026-11-20T09:00:00Z',
  ended_at: null,
  handle_seconds: null,
  agent: { id: null, name: 'Alex Agent' },
  created_at: '2026-11-20T09:05:00Z',
  updated_at: '2026-11-20T09:05:00Z',
  version: 1,
  ...overrides,
})

const history: History = {
  ...rosa,
  email_opt_outs: [],
  cases: [aCase(), aCase({ id: 'c-2', channel: 'walk_in', type: 'status_inquiry', summary: 'Asked about it', request_ids: [] })],
  requests: [
    {
      id: '26-00000001',
      service_code: 'trm-pothole-repair',
      status: 'closed',
      open: false,
      requested_at: '2026-11-20T09:05:00Z',
      updated_at: '2026-11-21T09:05:00Z',
      expected_datetime: null,
      closed_at: '2026-11-21T09:05:00Z',
    },
    {
      id: '26-00000004',
      service_code: 'san-missed-pickup',
      status: 'new',
      open: true,
      requested_at: '2026-11-22T09:05:00Z',
      updated_at: '2026-11-22T09:05:00Z',
      expected_datetime: null,
      closed_at: null,
    },
  ],
}

const SERVICES = { items: [{ code: 'trm-pothole-repair', name: 'Pothole repair' }] }

const me = (role: string) => ({
  id: '00000000-0000-0000-0000-000000000001',
  email: `${role}@example.org`,
  display_name: `Demo ${role}`,
  role,
  department: null,
  tier: null,
})

function renderAt(path: string, handlers: Record<string, Reply>) {
  const api = mockApi({ 'GET /api/v1/me': me('agent'), ...handlers })
  const view = renderWithProviders(
    <Routes>
      <Route path="/residents" element={<ResidentsPage />} />
      <Route path="/residents/:id" element={<ResidentPage />} />
    </Routes>,
    { path },
  )
  return { api, ...view }
}

describe('ResidentsPage', () => {
  it('finds residents and links to their record', async () => {
    const { api, user } = renderAt('/residents', {
      'GET /api/v1/residents': { items: [rosa, { ...rosa, id: 'r-2', first_name: null, last_name: null, phones: [], emails: [] }] },
      [`GET /api/v1/residents/${RID}`]: history,
      'GET /api/v1/services': SERVICES,
    })
    await user.type(screen.getByLabelText('Name, phone, email or address'), 'x{Enter}')
    expect(screen.getByRole('alert')).toHaveTextContent('at least 2 characters')
    expect(api.calls).toHaveLength(0)

    await user.type(screen.getByLabelText('Name, phone, email or address'), 'rosa{Enter}')
    const link = await screen.findByRole('link', { name: 'Rosa Parks' })
    expect(api.calls[0]!.url.searchParams.get('q')).toBe('xrosa')
    expect(screen.getByRole('link', { name: '(no name)' })).toBeInTheDocument()
    expect(within(link.closest('tr')!).getByText('rosa@example.net')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()

    await user.click(link)
    expect(await screen.findByRole('heading', { level: 1, name: 'Rosa Parks' })).toBeInTheDocument()
  })

  it('says when nobody matches', async () => {
    renderAt('/residents?q=nobody', { 'GET /api/v1/residents': { items: [] } })
    expect(await screen.findByText('No resident matches.')).toBeInTheDocument()
    expect(screen.getByLabelText('Name, phone, email or address')).toHaveValue('nobody')
  })

  it('reports a refusal', async () => {
    renderAt('/residents?q=rosa', {
      'GET /api/v1/residents': { status: 403, body: { title: 'Forbidden', status: 403, detail: 'only call-center staff work with residents' } },
    })
    expect(await screen.findByRole('alert')).toHaveTextContent('only call-center staff')
  })
})

describe('ResidentPage', () => {
  it("shows the resident's details, contacts and requests", async () => {
    renderAt(`/residents/${RID}`, { [`GET /api/v1/residents/${RID}`]: history, 'GET /api/v1/services': SERVICES })
    expect(await screen.findByRole('heading', { level: 1, name: 'Rosa Parks' })).toBeInTheDocument()
    expect(screen.getByText('+14105550100')).toBeInTheDocument()

    const contacts = screen.getByRole('table', { name: '2 contacts, newest first' })
    expect(within(contacts).getByText('Walk-in')).toBeInTheDocument()
    expect(within(contacts).getByText('Status inquiry')).toBeInTheDocument()
    expect(within(contacts).getByRole('link', { name: '26-00000001' })).toHaveAttribute('href', '/requests/26-00000001')

    const requests = screen.getByRole('table', { name: '2 requests, newest first' })
    expect(await within(requests).findByText('Pothole repair')).toBeInTheDocument()
    expect(within(requests).getByText('san-missed-pickup')).toBeInTheDocument()
    const open = within(requests).getByRole('row', { name: /26-00000004/ })
    expect(within(open).getByText('Open')).toBeInTheDocument()
    expect(within(open).getByText('New')).toBeInTheDocument()
  })

  it('says when there are no contacts or requests, in Spanish', async () => {
    await i18n.changeLanguage('es')
    renderAt(`/residents/${RID}`, { [`GET /api/v1/residents/${RID}`]: { ...history, cases: [], requests: [] }, 'GET /api/v1/services': SERVICES })
    expect(await screen.findByText('Todavía no hay contactos.')).toBeInTheDocument()
    expect(screen.getByText('Todavía no hay solicitudes.')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2, name: 'Datos de contacto' })).toBeInTheDocument()
  })

  it('shows when emails stopped and turns them back on at the resident\'s request', async () => {
    const emails = ['rosa@example.net', 'rosa+work@example.net']
    let optOuts: History['email_opt_outs'] = [
      { address: 'rosa+work@example.net', opted_out_at: '2026-11-02T12:00:00Z', source: 'one-click' },
    ]
    const { api, user } = renderAt(`/residents/${RID}`, {
      [`GET /api/v1/residents/${RID}`]: () => ({ ...history, emails, email_opt_outs: optOuts }),
      [`DELETE /api/v1/residents/${RID}/email-opt-outs/rosa%2Bwork%40example.net`]: () => {
        optOuts = []
        return { status: 204 }
      },
      'GET /api/v1/services': SERVICES,
    })
    const note = await screen.findByText('Emails stopped on Nov 2, 2026 (one-click unsubscribe in their mail app)')
    expect(note.closest('li')).toHaveTextContent('rosa+work@example.net')
    expect(screen.getAllByText(/Emails stopped on/)).toHaveLength(1) // the other address still gets them

    const button = screen.getByRole('button', { name: 'Turn emails back on' })
    expect(button).toHaveAccessibleDescription(`rosa+work@example.net ${note.textContent}`)
    await user.click(button)

    expect(await screen.findByRole('status')).toHaveTextContent('Emails to rosa+work@example.net are on again.')
    await waitFor(() => expect(screen.queryByText(/Emails stopped on/)).toBeNull())
    expect(screen.queryByRole('button', { name: 'Turn emails back on' })).toBeNull()
    const deleted = api.calls.filter((call) => call.method === 'DELETE')
    expect(deleted).toHaveLength(1)
    expect(api.calls.filter((call) => call.method === 'GET' && call.path === `/api/v1/residents/${RID}`)).toHaveLength(2)
    expect(api.unhandled).toEqual([])
  })

  it('says in Spanish when emails stopped, and why they could not be turned back on', async () => {
    await i18n.changeLanguage('es')
    const { user } = renderAt(`/residents/${RID}`, {
      [`GET /api/v1/residents/${RID}`]: {
        ...history,
        email_opt_outs: [{ address: 'rosa@example.net', opted_out_at: '2026-11-02T12:00:00Z', source: 'link' }],
      },
      [`DELETE /api/v1/residents/${RID}/email-opt-outs/rosa%40example.net`]: {
        status: 404,
        body: { title: 'Not found', status: 404, detail: 'this resident has no such address that stopped emails' },
      },
      'GET /api/v1/services': SERVICES,
    })
    expect(await screen.findByText(/^Correos detenidos el .* \(en la página de baja\)$/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Reactivar los correos' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('No se pudieron reactivar los correos: this resident has no such address')
  })

  it('shows which phone texted STOP, in English and Spanish, with no way to override it', async () => {
    const phones = ['+14105550100', '410-555-0199']
    const stoppedOne = { ...history, phones, sms_opt_outs: [{ phone: '410-555-0199', opted_out_at: '2026-11-02T12:00:00Z' }] }
    renderAt(`/residents/${RID}`, { [`GET /api/v1/residents/${RID}`]: stoppedOne, 'GET /api/v1/services': SERVICES })
    const note = await screen.findByText('Texted STOP on Nov 2, 2026: no texts until they text START')
    expect(note.closest('li')).toHaveTextContent('410-555-0199')
    expect(screen.getAllByText(/Texted STOP/)).toHaveLength(1)
    expect(screen.queryByRole('button', { name: /texts/i })).toBeNull()
  })

  it('says in Spanish which phone texted STOP', async () => {
    await i18n.changeLanguage('es')
    const stopped = { ...history, sms_opt_outs: [{ phone: '+14105550100', opted_out_at: '2026-11-02T12:00:00Z' }] }
    renderAt(`/residents/${RID}`, { [`GET /api/v1/residents/${RID}`]: stopped, 'GET /api/v1/services': SERVICES })
    expect(await screen.findByText(/^Envió STOP el .*: no recibe mensajes hasta que envíe START$/)).toBeInTheDocument()
  })

  it('says when the resident does not exist', async () => {
    renderAt(`/residents/${RID}`, {
      [`GET /api/v1/residents/${RID}`]: { status: 404, body: { title: 'Not found', status: 404 } },
      'GET /api/v1/services': SERVICES,
    })
    expect(await screen.findByRole('alert')).toHaveTextContent('There is no such resident.')
  })

  it("erases a supervisor's resident at their request, once confirmed, and counts what went", async () => {
    const erased = { requests: 2, cases: 3, messages: 1, timeline_entries: 2, followers: 0, survey_comments: 1 }
    const { api, user } = renderAt(`/residents/${RID}`, {
      'GET /api/v1/me': me('supervisor'),
      [`GET /api/v1/residents/${RID}`]: history,
      [`POST /api/v1/residents/${RID}/erasure`]: erased,
      'GET /api/v1/services': SERVICES,
    })
    const button = await screen.findByRole('button', { name: 'Erase personal data' })
    expect(button).toBeDisabled()
    await user.click(screen.getByLabelText('The resident asked for this, and I know it cannot be undone'))
    await user.click(button)

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Personal data erased from 2 requests, 3 contacts and 1 messages.',
    )
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(1)
    expect(api.unhandled).toEqual([])
  })

  it('says in Spanish why an erasure failed', async () => {
    await i18n.changeLanguage('es')
    const { user } = renderAt(`/residents/${RID}`, {
      'GET /api/v1/me': me('admin'),
      [`GET /api/v1/residents/${RID}`]: history,
      [`POST /api/v1/residents/${RID}/erasure`]: {
        status: 403,
        body: { title: 'Forbidden', status: 403, detail: 'only supervisors and administrators erase' },
      },
      'GET /api/v1/services': SERVICES,
    })
    await user.click(await screen.findByLabelText('El residente lo pidió, y sé que no se puede deshacer'))
    await user.click(screen.getByRole('button', { name: 'Borrar datos personales' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('No se pudieron borrar los datos personales')
  })

  it('offers agents no erasure', async () => {
    const { api } = renderAt(`/residents/${RID}`, {
      [`GET /api/v1/residents/${RID}`]: history,
      'GET /api/v1/services': SERVICES,
    })
    await screen.findByRole('heading', { level: 1 })
    await screen.findByRole('heading', { level: 2, name: 'Contact details' })
    await waitFor(() => expect(api.calls.some((call) => call.path === '/api/v1/me')).toBe(true))
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Erase personal data' })).toBeNull())
    expect(screen.queryByRole('button', { name: 'Erase personal data' })).toBeNull()
  })
})
