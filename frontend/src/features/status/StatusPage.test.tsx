import { act, screen, within } from '@testing-library/react'
import { Route, Routes } from 'react-router'
import i18n, { changeLanguage } from '../../i18n'
import { mockApi, type Reply } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { StatusPage } from './StatusPage'
import { aPublicRequest } from './testData'

const READ = '/open311/v2/requests/26-00000042.json'

function setup(reply: Reply, path = '/status/26-00000042') {
  const api = mockApi({ [`GET ${READ}`]: reply })
  const view = renderWithProviders(
    <Routes>
      <Route path="/status/:number" element={<StatusPage />} />
    </Routes>,
    { path },
  )
  return { api, ...view }
}

const fact = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling as HTMLElement

describe('StatusPage', () => {
  it('shows the reference, service, status in plain words, expected date and the latest public updates, newest first', async () => {
    const { api } = setup([aPublicRequest()])
    expect(await screen.findByRole('heading', { level: 1, name: 'Request 26-00000042' })).toBeInTheDocument()
    expect(await screen.findByText('Being worked on')).toBeInTheDocument()
    expect(fact('Reference number')).toHaveTextContent('26-00000042')
    expect(fact('Service')).toHaveTextContent('Pothole repair')
    expect(fact('Status')).toHaveTextContent('The work on your request has started.')
    expect(fact('Expected by')).toHaveTextContent(/March \d+, 2026/)
    expect(fact('Location')).toHaveTextContent('100 N HOLLIDAY ST, 21202')
    const updates = within(screen.getByRole('list')).getAllByRole('listitem')
    expect(updates.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/Note from the cityCrew booked for Friday$/),
      expect.stringMatching(/Status changed to “Being worked on”$/),
      expect.stringMatching(/Request received$/),
    ])
    const [call] = api.calls
    expect(call!.url.searchParams.get('extensions')).toBe('true')
    expect(call!.request.headers.get('Authorization')).toBeNull()
  })

  it('shows the close note and reason, and a place shown by block says why', async () => {
    const closing = {
      datetime: '2026-03-04T09:00:00-05:00',
      type: 'closed',
      summary: 'Request closed',
      description: 'Status changed to closed (resolved): Patched with cold mix.',
      status: 'closed',
      close_reason: 'resolved',
      note: 'Patched with cold mix.',
    }
    const request = aPublicRequest({
      status: 'closed',
      status_notes: 'Patched with cold mix.',
      address: '2100 block of EASTERN AVE',
      zipcode: '21231',
      extended_attributes: { external_status: 'closed', location_precision: 'block', notes: [closing] },
    })
    setup([request])
    const [update] = within(await screen.findByRole('list')).getAllByRole('listitem')
    expect(update).toHaveTextContent(/Request closed: the problem has been fixed\s*Patched with cold mix\.$/)
    expect(fact('Location')).toHaveTextContent('2100 block of EASTERN AVE, 21231')
    expect(fact('Location')).toHaveTextContent('Shown by block, to protect the privacy of the people who live there.')
  })

  it('says where and what changed in Spanish', async () => {
    await i18n.changeLanguage('es')
    setup([aPublicRequest({ address: 'Canton', zipcode: null, extended_attributes: { external_status: 'in_progress', location_precision: 'area', notes: aPublicRequest().extended_attributes!.notes } })])
    expect(await screen.findByText('Estado cambiado a «En curso»', { exact: false })).toBeInTheDocument()
    expect(fact('Ubicación')).toHaveTextContent('Canton')
    expect(fact('Ubicación')).toHaveTextContent('Se muestra por vecindario')
  })

  it('says so when the API does not know the reference (Open311 404)', async () => {
    setup({ status: 404, body: [{ code: 404, description: 'not found' }] })
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not find request 26-00000042.')
    expect(screen.getByRole('link', { name: 'Look up another request' })).toHaveAttribute('href', '/status')
  })

  it('does not ask the API about something that is not a reference', async () => {
    const { api } = setup([], '/status/not-a-number')
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not find request not-a-number.')
    expect(api.calls).toEqual([])
  })

  it('tells a failure apart from a missing request', async () => {
    setup({ status: 500, body: [{ code: 500, description: 'boom' }] })
    expect(await screen.findByRole('alert')).toHaveTextContent('The status could not be loaded just now.')
  })

  it('reads in Spanish, with no expected date and no updates yet', async () => {
    await i18n.changeLanguage('es')
    setup([aPublicRequest({ status: 'closed', expected_datetime: null, extended_attributes: { external_status: 'closed', notes: [] } })])
    expect(await screen.findByText('Cerrada')).toBeInTheDocument()
    expect(fact('Fecha prevista')).toHaveTextContent('Aún sin fecha')
    expect(screen.getByText('Todavía no hay novedades.')).toBeInTheDocument()
  })

  it('reads the service name again in Spanish when the language switches', async () => {
    const { api } = setup((request: Request) => [
      aPublicRequest({ service_name: request.headers.get('Accept-Language') === 'es' ? 'Bache' : 'Pothole' }),
    ])
    expect(await screen.findByText('Pothole')).toBeInTheDocument()
    await act(() => changeLanguage('es'))
    expect(await screen.findByText('Bache')).toBeInTheDocument()
    expect(fact('Servicio')).toHaveTextContent('Bache')
    const reads = api.calls.filter((call) => call.request.url.includes('/open311/'))
    expect(reads.map((call) => call.request.headers.get('Accept-Language'))).toEqual(['en', 'es'])
  })

  it('falls back to open or closed when the API gives no finer status', async () => {
    setup([aPublicRequest({ extended_attributes: undefined })])
    expect(await screen.findByText('Open')).toBeInTheDocument()
    expect(screen.getByText('No updates yet.')).toBeInTheDocument()
  })
})

describe('StatusPage: get updates on this request', () => {
  it('asks for an email, solves the bot check in the background, and says to confirm from the email', async () => {
    const api = mockApi({
      [`GET ${READ}`]: [aPublicRequest()],
      'GET /api/v1/public/challenge': { token: 'challenge-token', difficulty: 1 },
      'POST /api/v1/public/requests/26-00000042/followers': { status: 202, body: { number: '26-00000042', confirmed: false } },
    })
    const { user } = renderWithProviders(
      <Routes>
        <Route path="/status/:number" element={<StatusPage />} />
      </Routes>,
      { path: '/status/26-00000042' },
    )
    const panel = await screen.findByRole('region', { name: 'Get updates on this request' })
    expect(api.calls.some((call) => call.path === '/api/v1/public/challenge')).toBe(false)
    const email = within(panel).getByRole('textbox', { name: 'Email address' })
    await user.type(email, 'rosa@example')
    await user.click(within(panel).getByRole('button', { name: 'Send me updates' }))
    expect(email).toHaveAccessibleDescription(expect.stringContaining('Enter an email address like name@example.com.'))
    await user.type(email, '.net{Enter}')
    expect(await within(panel).findByRole('status')).toHaveTextContent('Check your email: we sent a link to rosa@example.net.')
    const follow = api.calls.find((call) => call.method === 'POST')!
    expect(follow.body).toMatchObject({ email: 'rosa@example.net', language: 'en', website: '', proof: { token: 'challenge-token' } })
    expect(follow.request.headers.get('Idempotency-Key')).toBeTruthy()
  })

  it('shows the API\'s refusal in Spanish, and offers nothing on a closed request', async () => {
    await changeLanguage('es')
    mockApi({
      [`GET ${READ}`]: [aPublicRequest()],
      'GET /api/v1/public/challenge': { token: 'challenge-token', difficulty: 1 },
      'POST /api/v1/public/requests/26-00000042/followers': {
        status: 429,
        body: { title: 'Demasiadas solicitudes', status: 429, detail: 'Demasiados envíos desde aquí. Inténtelo más tarde.' },
      },
    })
    const { user, unmount } = renderWithProviders(
      <Routes>
        <Route path="/status/:number" element={<StatusPage />} />
      </Routes>,
      { path: '/status/26-00000042' },
    )
    const panel = await screen.findByRole('region', { name: 'Recibir novedades de esta solicitud' })
    await user.type(within(panel).getByRole('textbox', { name: 'Correo electrónico' }), 'rosa@example.net{Enter}')
    expect(await within(panel).findByRole('alert')).toHaveTextContent('Demasiados envíos desde aquí.')
    unmount()
    setup([aPublicRequest({ status: 'closed', extended_attributes: { external_status: 'closed', notes: [] } })])
    expect(await screen.findByText('Cerrada')).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Recibir novedades de esta solicitud' })).toBeNull()
  })
})
