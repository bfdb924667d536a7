import { screen } from '@testing-library/react'
import { Route, Routes } from 'react-router'
import i18n from '../../i18n'
import { mockApi, type Handler, type Reply } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { StatusLookupPage } from './StatusLookupPage'

const SERVICES = [{ service_code: 'trm-pothole-repair', service_name: 'Pothole repair' }]
const BRIEF = {
  id: '26-00000042',
  service_code: 'trm-pothole-repair',
  status: 'acknowledged',
  open: true,
  requested_at: '2026-03-02T15:00:00Z',
  updated_at: '2026-03-03T14:00:00Z',
  expected_datetime: null,
  closed_at: null,
}

function setup(handlers: Record<string, Reply | Handler> = {}) {
  const api = mockApi({ 'GET /open311/v2/services.json': SERVICES, ...handlers })
  const view = renderWithProviders(
    <Routes>
      <Route path="/status" element={<StatusLookupPage />} />
      <Route path="/status/:number" element={<p>status of the request</p>} />
    </Routes>,
    { path: '/status' },
  )
  return { api, ...view }
}

describe('StatusLookupPage', () => {
  it('goes to the status page of a reference number, and explains a malformed one', async () => {
    const { user, api } = setup()
    expect(screen.getByRole('heading', { level: 1, name: 'Check a request' })).toBeInTheDocument()
    const reference = screen.getByLabelText('Reference number')
    await user.type(reference, 'pothole{Enter}')
    expect(screen.getByRole('alert')).toHaveTextContent('Enter the reference as two digits')
    expect(reference).toHaveAttribute('aria-invalid', 'true')
    await user.clear(reference)
    await user.type(reference, ' 26-00000042 ')
    await user.click(screen.getByRole('button', { name: 'Show status' }))
    expect(await screen.findByText('status of the request')).toBeInTheDocument()
    expect(api.calls).toEqual([])
  })

  it('finds requests by email and last name and links each to its status page', async () => {
    const { user, api } = setup({ 'POST /api/v1/requests/lookup': { items: [BRIEF] } })
    await user.type(screen.getByLabelText('Email address'), 'rosa@example.net')
    await user.type(screen.getByLabelText('Last name'), 'Parks')
    await user.click(screen.getByRole('button', { name: 'Find my requests' }))
    expect(await screen.findByText('We found 1 request.')).toBeInTheDocument()
    expect(await screen.findByText(/Pothole repair · Seen by the team/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '26-00000042' })).toHaveAttribute('href', '/status/26-00000042')
    const lookup = api.calls.find((call) => call.method === 'POST')!
    expect(lookup.body).toEqual({ email: 'rosa@example.net', last_name: 'Parks' })
    expect(lookup.request.headers.get('Authorization')).toBeNull()
  })

  it('says when nothing matched', async () => {
    const { user } = setup({ 'POST /api/v1/requests/lookup': { items: [] } })
    await user.type(screen.getByLabelText('Email address'), 'nobody@example.net')
    await user.type(screen.getByLabelText('Last name'), 'Doe{Enter}')
    expect(await screen.findByText('We found no requests for that email address and last name.')).toBeInTheDocument()
  })

  it.each([
    [429, 'Too many look-ups from here. Please wait a few minutes and try again.'],
    [422, 'Check the email address and last name, then try again.'],
    [500, 'The look-up did not work just now. Please try again later.'],
  ])('explains a %i answer', async (status, message) => {
    const { user } = setup({ 'POST /api/v1/requests/lookup': { status, body: { title: 'Refused', status } } })
    await user.type(screen.getByLabelText('Email address'), 'rosa@example.net')
    await user.type(screen.getByLabelText('Last name'), 'Parks{Enter}')
    expect(await screen.findByRole('alert')).toHaveTextContent(message)
  })

  it('is in Spanish when the resident chose Spanish', async () => {
    await i18n.changeLanguage('es')
    const { user } = setup({ 'POST /api/v1/requests/lookup': { items: [BRIEF, { ...BRIEF, id: '26-00000043' }] } })
    expect(screen.getByRole('heading', { level: 1, name: 'Consultar una solicitud' })).toBeInTheDocument()
    await user.type(screen.getByLabelText('Correo electrónico'), 'rosa@example.net')
    await user.type(screen.getByLabelText('Apellido'), 'Parks')
    await user.click(screen.getByRole('button', { name: 'Buscar mis solicitudes' }))
    expect(await screen.findByText('Encontramos 2 solicitudes.')).toBeInTheDocument()
  })
})
