import { screen, within } from '@testing-library/react'
import { session } from '../api/session'
import { mockApi } from '../test/api'
import { renderWithProviders } from '../test/render'
import { App } from './App'

const me = (role: string) => ({
  id: '00000000-0000-0000-0000-000000000001',
  email: `${role}@example.org`,
  display_name: `Demo ${role}`,
  role,
  department: role === 'staff' ? 'transportation' : null,
  tier: role === 'staff' ? 'employee' : null,
})

describe('App', () => {
  it('shows the sign-in screen at /sign-in, and calls no API, when signed out', async () => {
    const api = mockApi({})
    renderWithProviders(<App />, { path: '/sign-in' })
    expect(await screen.findByRole('heading', { name: 'Sign in to Frontdoor 311' })).toBeInTheDocument()
    expect(api.calls).toHaveLength(0)
  })

  it('shows a visitor the residents\' home at /, with no session probe and a way in for staff', async () => {
    const api = mockApi({ 'GET /api/v1/public/services': [] })
    renderWithProviders(<App />)
    expect(await screen.findByRole('heading', { level: 1, name: 'What do you need?' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Staff sign in' })).toHaveAttribute('href', '/sign-in')
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull()
    expect(api.calls.map((call) => call.path)).toEqual(['/api/v1/public/services'])
  })

  it('keeps staff addresses behind the sign-in screen when signed out', async () => {
    const api = mockApi({})
    renderWithProviders(<App />, { path: '/queues' })
    expect(await screen.findByLabelText('Password')).toBeInTheDocument()
    expect(api.calls).toHaveLength(0)
  })

  it('gives an agent the "New contact" entry in the main navigation', async () => {
    session.start('tok')
    const api = mockApi({ 'GET /api/v1/me': me('agent') })
    renderWithProviders(<App />)
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    expect(within(nav).getByRole('link', { name: 'New contact' })).toHaveAttribute('href', '/intake')
    expect(api.calls[0]!.request.headers.get('Authorization')).toBe('Bearer tok')
  })

  it('shows an agent how many Inbox messages wait unread', async () => {
    session.start('tok')
    const api = mockApi({ 'GET /api/v1/me': me('agent'), 'GET /api/v1/inbox': { items: [], total: 2, unread_total: 3, limit: 1, offset: 0 } })
    renderWithProviders(<App />, { path: '/queues' })
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    await vi.waitFor(() => expect(api.calls.map((c) => c.path)).toContain('/api/v1/inbox'))
    expect(await within(nav).findByRole('link', { name: 'Inbox 3 unread' })).toHaveAttribute('href', '/inbox')
  })

  it('keeps intake out of the navigation of department staff', async () => {
    session.start('tok')
    mockApi({ 'GET /api/v1/me': me('staff') })
    renderWithProviders(<App />)
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    expect(within(nav).queryByRole('link', { name: 'New contact' })).toBeNull()
    expect(within(nav).queryByRole('link', { name: /Inbox/ })).toBeNull()
  })

  it('gives the dashboard to supervisors, admins and department managers only', async () => {
    const dashboardFor = async (who: ReturnType<typeof me>) => {
      session.start('tok')
      mockApi({ 'GET /api/v1/me': who, 'GET /api/v1/departments': { items: [] } })
      const view = renderWithProviders(<App />)
      const nav = await screen.findByRole('navigation', { name: 'Main' })
      const link = within(nav).queryByRole('link', { name: 'Dashboard' })
      view.unmount()
      return link?.getAttribute('href') ?? null
    }
    expect(await dashboardFor(me('supervisor'))).toBe('/dashboard')
    expect(await dashboardFor(me('admin'))).toBe('/dashboard')
    expect(await dashboardFor({ ...me('staff'), tier: 'manager' })).toBe('/dashboard')
    expect(await dashboardFor(me('staff'))).toBeNull()
    expect(await dashboardFor(me('agent'))).toBeNull()
  })

  it('says who is signed in with their role and department by name: a manager is no "Department staff"', async () => {
    session.start('tok')
    mockApi({
      'GET /api/v1/me': { ...me('staff'), display_name: 'Morgan Manager', tier: 'manager' },
      'GET /api/v1/departments': { items: [{ code: 'transportation', name: 'Transportation' }] },
    })
    renderWithProviders(<App />)
    expect(await screen.findByText('Morgan Manager · Department manager, Transportation')).toBeInTheDocument()
  })

  it('signs out: the token goes and the sign-in screen comes back', async () => {
    session.start('tok')
    mockApi({ 'GET /api/v1/me': me('agent') })
    const { user } = renderWithProviders(<App />, { path: '/queues' })
    await user.click(await screen.findByRole('button', { name: 'Sign out' }))
    expect(session.token()).toBeNull()
    expect(await screen.findByLabelText('Email')).toBeInTheDocument()
  })

  it('takes signed-in staff from / and /sign-in to their own home', async () => {
    session.start('tok')
    const api = mockApi({ 'GET /api/v1/me': me('staff'), 'GET /api/v1/departments': { items: [] } })
    renderWithProviders(<App />, { path: '/sign-in' })
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'What do you need?' })).toBeNull()
    expect(api.calls.some((call) => call.path.startsWith('/api/v1/public/'))).toBe(false)
  })

  it('ends the session when the API says the token is no longer valid', async () => {
    session.start('expired')
    mockApi({ 'GET /api/v1/me': { status: 401, body: { title: 'Unauthenticated', status: 401 } } })
    renderWithProviders(<App />, { path: '/queues' })
    expect(await screen.findByLabelText('Email')).toBeInTheDocument()
    expect(session.token()).toBeNull()
  })

  it('switches the UI to Spanish and remembers the choice', async () => {
    mockApi({})
    const { user } = renderWithProviders(<App />, { path: '/sign-in' })
    await user.selectOptions(await screen.findByLabelText('Language'), 'es')
    expect(await screen.findByLabelText('Correo electrónico')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Iniciar sesión' })).toBeInTheDocument()
    expect(localStorage.getItem('frontdoor.language')).toBe('es')
    expect(document.documentElement.lang).toBe('es')
  })

  it('shows a resident the public status page signed out: no sign-in, no navigation, a language switch', async () => {
    const api = mockApi({
      'GET /open311/v2/requests/26-00000042.json': [
        { service_request_id: '26-00000042', service_name: 'Pothole repair', service_code: 'trm-pothole-repair', status: 'open', status_notes: null, requested_datetime: '2026-03-02T10:00:00-05:00', updated_datetime: null, expected_datetime: null, extended_attributes: { external_status: 'new', notes: [] } },
      ],
    })
    renderWithProviders(<App />, { path: '/status/26-00000042' })
    expect(await screen.findByRole('heading', { level: 1, name: 'Request 26-00000042' })).toBeInTheDocument()
    expect(await screen.findByText('Received')).toBeInTheDocument()
    expect(screen.getByRole('main')).toBeInTheDocument()
    expect(screen.getByLabelText('Language')).toBeInTheDocument()
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull()
    expect(screen.queryByLabelText('Password')).toBeNull()
    // Public calls only: the request through Open311, and the city's time zone for its dates.
    expect(api.calls.map((call) => call.path).sort()).toEqual(['/api/v1/site', '/open311/v2/requests/26-00000042.json'])
  })

  it('shows a resident the unsubscribe page signed out, and sends nothing until they press the button', async () => {
    const api = mockApi({})
    renderWithProviders(<App />, { path: '/unsubscribe?token=abc.def' })
    expect(await screen.findByRole('heading', { level: 1, name: 'Stop emails from 311' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Stop emails' })).toBeInTheDocument()
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull()
    expect(screen.queryByLabelText('Password')).toBeNull()
    expect(api.calls).toEqual([])
  })

  it('shows the look-up form at /status even to a signed-in agent, without asking who they are', async () => {
    session.start('tok')
    const api = mockApi({})
    renderWithProviders(<App />, { path: '/status' })
    expect(await screen.findByRole('heading', { level: 1, name: 'Check a request' })).toBeInTheDocument()
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull()
    expect(api.calls).toEqual([])
  })
})
