import { screen, waitFor, within } from '@testing-library/react'
import i18n from '../../i18n'
import { mockApi, type Call, type Reply } from '../../test/api'
import { h1Count, renderPage } from './renderPage'
import { ReportPage } from './ReportPage'
import { MISSED_PICKUP, OPEN_POTHOLE, POTHOLE } from './testData'

const CREATED = { number: '26-00000101', expected_at: '2026-12-10T17:00:00Z', follow_url: '/status/26-00000101', upload_token: 'up.tok' }
const SUGGESTIONS = [
  { label: '100 N HOLLIDAY ST', lat: 39.2904, lon: -76.6122 },
  { label: '100 S HOLLIDAY ST', lat: 39.2891, lon: -76.6119 },
]

function setup(handlers: Record<string, Reply> = {}, service = POTHOLE) {
  const api = mockApi({
    [`GET /api/v1/public/services/${service.code}`]: service,
    'GET /api/v1/public/challenge': { token: 'challenge-token', difficulty: 1 },
    'GET /api/v1/public/addresses': SUGGESTIONS,
    'GET /api/v1/public/locate': { served: true, address: '100 N HOLLIDAY ST', referral: null },
    'GET /api/v1/public/requests/nearby': [],
    'POST /api/v1/public/requests': { status: 201, body: CREATED },
    ...handlers,
  })
  return { api, ...renderPage('/report/:serviceCode', <ReportPage />, `/report/${service.code}`) }
}

const submitted = (calls: Call[]) => calls.filter((call) => call.method === 'POST' && call.path === '/api/v1/public/requests')

describe('ReportPage', () => {
  it('asks every Open311 datatype, each question labelled, informational text shown as text', async () => {
    setup()
    expect(await screen.findByRole('heading', { level: 1, name: 'Pothole repair' })).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'How big is it?' })).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Depth in inches (optional)' })).toHaveAttribute('inputmode', 'decimal')
    expect(screen.getByRole('group', { name: 'Which lanes? (optional)' })).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: 'Left lane' })).toBeInTheDocument()
    expect(screen.getByLabelText('When did you see it? (optional)')).toHaveAttribute('type', 'datetime-local')
    expect(screen.getByRole('textbox', { name: 'Nearby landmark (optional)' })).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'What happened? (optional)' }).tagName).toBe('TEXTAREA')
    expect(screen.getByText('Call 911 if someone is hurt.')).toBeInTheDocument()
    expect(h1Count()).toBe(1)
  })

  it('starts the bot check at the resident\'s first touch of the form, not on load', async () => {
    const { user, api } = setup()
    await screen.findByRole('heading', { level: 1, name: 'Pothole repair' })
    expect(api.calls.some((call) => call.path === '/api/v1/public/challenge')).toBe(false)
    await user.click(screen.getByRole('combobox', { name: 'How big is it?' }))
    await waitFor(() => expect(api.calls.some((call) => call.path === '/api/v1/public/challenge')).toBe(true))
  })

  it('hides the honeypot from everyone, screen readers included', async () => {
    setup()
    await screen.findByRole('heading', { level: 1, name: 'Pothole repair' })
    const honeypot = document.querySelector<HTMLInputElement>('input[name="website"]')!
    expect(honeypot.closest('[aria-hidden="true"]')).not.toBeNull()
    expect(honeypot).toHaveAttribute('tabindex', '-1')
    expect(screen.queryByRole('textbox', { name: /Leave this field empty/ })).toBeNull()
  })

  it('reports anonymously by a typed address picked from suggestions: one request, with proof and its key', async () => {
    const { user, api } = setup()
    await screen.findByRole('heading', { level: 1, name: 'Pothole repair' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'How big is it?' }), 'large')
    await user.type(screen.getByRole('textbox', { name: 'Depth in inches (optional)' }), '3,5')
    await user.click(screen.getByRole('checkbox', { name: 'Right lane' }))
    const address = screen.getByRole('combobox', { name: 'Address or place' })
    await user.type(address, '100 holl')
    expect(await screen.findByRole('option', { name: '100 N HOLLIDAY ST' })).toBeInTheDocument()
    await user.keyboard('{ArrowDown}')
    expect(address).toHaveAttribute('aria-activedescendant', expect.stringContaining('-0'))
    await user.keyboard('{Enter}')
    expect(address).toHaveValue('100 N HOLLIDAY ST')
    await user.click(screen.getByRole('checkbox', { name: /I agree/ }))
    await user.click(screen.getByRole('button', { name: 'Send the report' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Thank you, we have your report' })).toHaveFocus()
    expect(screen.getByText('26-00000101')).toBeInTheDocument()
    expect(screen.getByText(/December 10, 2026/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'See its status and get updates' })).toHaveAttribute('href', '/status/26-00000101')
    expect(h1Count()).toBe(1)

    const [sent] = submitted(api.calls)
    expect(submitted(api.calls)).toHaveLength(1)
    expect(sent!.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    const body = sent!.body as Record<string, unknown>
    expect(body).toMatchObject({
      service_code: 'trm-pothole-repair',
      attributes: { size: 'large', depth: 3.5, lanes: ['right'] },
      lat: 39.2904,
      lon: -76.6122,
      address: '100 N HOLLIDAY ST',
      contact: null,
      language: 'en',
      consent: true,
      website: '',
      proof: { token: 'challenge-token', nonce: expect.any(String) },
    })
    expect(Date.parse(body.started_at as string)).not.toBeNaN()
  })

  it('puts each error next to its field, describes the field by it, and announces a summary', async () => {
    const { user, api } = setup({}, MISSED_PICKUP)
    await screen.findByRole('heading', { level: 1, name: 'Missed trash pickup' })
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'not-an-email')
    await user.click(screen.getByRole('button', { name: 'Send the report' }))
    const summary = screen.getByRole('alert')
    expect(summary).toHaveFocus()
    expect(within(summary).getByRole('heading', { name: 'There are 5 problems with your report' })).toBeInTheDocument()
    const address = screen.getByRole('combobox', { name: 'Address or place' })
    expect(address).toHaveAttribute('aria-invalid', 'true')
    expect(address).toHaveAccessibleDescription(expect.stringContaining('Enter an address or place, or pin it on the map.'))
    expect(screen.getByRole('textbox', { name: 'First name' })).toHaveAccessibleDescription('Enter your first name.')
    expect(screen.getByRole('textbox', { name: 'Email address' })).toHaveAccessibleDescription('Enter an email address like name@example.com.')
    expect(screen.getByRole('checkbox', { name: /I agree/ })).toHaveAccessibleDescription(expect.stringContaining('Tick the box to agree'))
    expect(within(summary).getByRole('link', { name: 'Enter your first name.' })).toHaveAttribute('href', '#f-contact-first_name')
    expect(submitted(api.calls)).toHaveLength(0)
  })

  it('keeps what the resident typed when they switch language mid-form', async () => {
    // The Spanish service comes slowly, as over a phone's link: the form must not go meanwhile.
    let spanish = () => {}
    const { user } = setup({
      [`GET /api/v1/public/services/${POTHOLE.code}`]: ((_request: Request, url: URL) =>
        url.searchParams.get('lang') === 'es' ? new Promise((resolve) => (spanish = () => resolve(POTHOLE))) : POTHOLE) as unknown as Reply,
    })
    await screen.findByRole('heading', { level: 1, name: 'Pothole repair' })
    await user.type(screen.getByRole('textbox', { name: 'Nearby landmark (optional)' }), 'By the bus stop')
    await user.click(screen.getByRole('button', { name: 'Send the report' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/problems? with your report/)
    await i18n.changeLanguage('es')
    expect(await screen.findByRole('button', { name: 'Enviar el informe' })).toBeInTheDocument()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.getByRole('textbox', { name: /^Nearby landmark/ })).toHaveValue('By the bus stop')
    spanish()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.getByRole('textbox', { name: /^Nearby landmark/ })).toHaveValue('By the bus stop')
    expect(screen.getByRole('alert')).toHaveTextContent(/en su informe/)
    // The form's own findings are said again in the new language (the API's stay as it sent them).
    expect(screen.getByRole('alert')).toHaveTextContent('Responda esta pregunta.')
    expect(screen.getByRole('alert')).not.toHaveTextContent('Answer this question.')
  })

  it('shows the API\'s refusal next to the field, in Spanish, and sends the corrected form under a new key', async () => {
    await i18n.changeLanguage('es')
    let answers = 0
    const { user, api } = setup({
      'POST /api/v1/public/requests': (() => {
        answers += 1
        return answers === 1
          ? { status: 422, body: { title: 'Refused', status: 422, errors: [{ field: 'attributes.size', code: 'required', message: 'Falta este dato.' }] } }
          : { status: 201, body: CREATED }
      }) as unknown as Reply,
    })
    await screen.findByRole('heading', { level: 1, name: 'Pothole repair' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'How big is it?' }), 'small')
    await user.type(screen.getByRole('combobox', { name: 'Dirección o lugar' }), '100 Calle Falsa')
    await user.click(screen.getByRole('checkbox', { name: /Acepto/ }))
    await user.click(screen.getByRole('button', { name: 'Enviar el informe' }))
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'How big is it?' })).toHaveAccessibleDescription('Falta este dato.'))
    expect(screen.getByRole('alert')).toHaveTextContent('Hay 1 problema en su informe')
    await user.click(screen.getByRole('button', { name: 'Enviar el informe' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Gracias, recibimos su informe' })).toBeInTheDocument()
    const [first, second] = submitted(api.calls)
    // The API keeps its refusal under the first key: the corrected form needs its own.
    expect(first!.request.headers.get('Idempotency-Key')).not.toBe(second!.request.headers.get('Idempotency-Key'))
    expect((second!.body as { language: string; address: string; lat: null }).language).toBe('es')
    expect((second!.body as { address: string }).address).toBe('100 Calle Falsa')
    expect((second!.body as { proof: { token: string } }).proof.token).toBe('challenge-token')
  })

  it('resends the very same body under the same key after a lost answer, so nothing is made twice', async () => {
    let answers = 0
    const { user, api } = setup({
      'POST /api/v1/public/requests': (() => {
        answers += 1
        return answers === 1 ? { status: 503, body: { title: 'Unavailable', status: 503 } } : { status: 201, body: CREATED }
      }) as unknown as Reply,
    })
    await screen.findByRole('heading', { level: 1, name: 'Pothole repair' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'How big is it?' }), 'small')
    await user.type(screen.getByRole('combobox', { name: 'Address or place' }), '100 Fake St')
    await user.click(screen.getByRole('checkbox', { name: /I agree/ }))
    await user.click(screen.getByRole('button', { name: 'Send the report' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('There is 1 problem with your report')
    await user.click(screen.getByRole('button', { name: 'Send the report' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Thank you, we have your report' })).toBeInTheDocument()
    const [first, second] = submitted(api.calls)
    expect(second!.request.headers.get('Idempotency-Key')).toBe(first!.request.headers.get('Idempotency-Key'))
    expect(second!.body).toEqual(first!.body)
  })

  it('shows who to contact instead when the place is outside the area, and does not send', async () => {
    const { user, api } = setup({
      'GET /api/v1/public/locate': { served: false, address: null, referral: { name: 'Baltimore County 311', phone: '410-887-5300', url: 'https://example.org/county', email: null, note: '' } },
    })
    await screen.findByRole('heading', { level: 1, name: 'Pothole repair' })
    await user.type(screen.getByRole('combobox', { name: 'Address or place' }), '100 holl')
    await user.click(await screen.findByRole('option', { name: '100 S HOLLIDAY ST' }))
    expect(await screen.findByText('Please contact Baltimore County 311 instead.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '410-887-5300' })).toHaveAttribute('href', 'tel:410-887-5300')
    await user.click(screen.getByRole('button', { name: 'Send the report' }))
    expect(screen.getByRole('combobox', { name: 'Address or place' })).toHaveAccessibleDescription(expect.stringContaining('outside the area the city serves'))
    expect(submitted(api.calls)).toHaveLength(0)
  })

  it('offers the open requests nearby: "Is it one of these? Follow it instead."', async () => {
    const { user, api } = setup({
      'GET /api/v1/public/requests/nearby': [OPEN_POTHOLE],
      'POST /api/v1/public/requests/26-00000042/followers': { status: 202, body: { number: '26-00000042', confirmed: false } },
    })
    await screen.findByRole('heading', { level: 1, name: 'Pothole repair' })
    await user.type(screen.getByRole('combobox', { name: 'Address or place' }), '100 holl')
    await user.click(await screen.findByRole('option', { name: '100 N HOLLIDAY ST' }))
    const nearby = await screen.findByRole('region', { name: 'Is it one of these? Follow it instead.' })
    expect(within(nearby).getByText('Deep hole by the bus stop')).toBeInTheDocument()
    await user.click(within(nearby).getByRole('button', { name: 'Follow request 26-00000042' }))
    await user.type(within(nearby).getByRole('textbox', { name: 'Email address' }), 'ana@example.net')
    await user.click(within(nearby).getByRole('button', { name: 'Send me updates' }))
    expect(await within(nearby).findByText(/we sent a link to ana@example.net/)).toBeInTheDocument()
    const follow = api.calls.find((call) => call.path.endsWith('/followers'))!
    expect(follow.body).toMatchObject({ email: 'ana@example.net', language: 'en', website: '', proof: { token: 'challenge-token' } })
    expect(submitted(api.calls)).toHaveLength(0)
  })

  it('says so when the service does not exist', async () => {
    mockApi({ 'GET /api/v1/public/services/nope': { status: 404, body: { title: 'Not found', status: 404 } } })
    renderPage('/report/:serviceCode', <ReportPage />, '/report/nope')
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not find that service.')
    expect(h1Count()).toBe(1)
  })
})
