import { screen } from '@testing-library/react'
import { session } from '../../api/session'
import { mockApi } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { SignInPage } from './SignInPage'

describe('SignInPage', () => {
  it('posts the OAuth2 password form and starts the session with the token', async () => {
    const api = mockApi({
      'POST /api/v1/auth/token': { access_token: 'tok-1', token_type: 'bearer', expires_in: 3600 },
    })
    const { user } = renderWithProviders(<SignInPage />)

    await user.type(screen.getByLabelText('Email'), 'agent@example.org')
    await user.type(screen.getByLabelText('Password'), 'frontdoor')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    await vi.waitFor(() => expect(session.token()).toBe('tok-1'))
    const form = new URLSearchParams(api.calls[0]!.body as string)
    expect(form.get('username')).toBe('agent@example.org')
    expect(form.get('password')).toBe('frontdoor')
    expect(api.calls[0]!.request.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded')
  })

  it('says so when the password is wrong, and keeps the user signed out', async () => {
    mockApi({ 'POST /api/v1/auth/token': { status: 401, body: { title: 'Unauthenticated', status: 401 } } })
    const { user } = renderWithProviders(<SignInPage />)

    await user.type(screen.getByLabelText('Email'), 'agent@example.org')
    await user.type(screen.getByLabelText('Password'), 'nope{Enter}')

    expect(await screen.findByRole('alert')).toHaveTextContent('do not match an account')
    expect(session.token()).toBeNull()
  })

  it('asks to wait when sign-ins are throttled (429), even with the right password', async () => {
    mockApi({ 'POST /api/v1/auth/token': { status: 429, body: { title: 'Too Many Requests', status: 429 } } })
    const { user } = renderWithProviders(<SignInPage />)

    await user.type(screen.getByLabelText('Email'), 'agent@example.org')
    await user.type(screen.getByLabelText('Password'), 'frontdoor{Enter}')

    expect(await screen.findByRole('alert')).toHaveTextContent('wait a few minutes')
    expect(session.token()).toBeNull()
  })

  it('disables the button until both fields are filled', async () => {
    mockApi({})
    const { user } = renderWithProviders(<SignInPage />)
    const button = screen.getByRole('button', { name: 'Sign in' })
    expect(button).toBeDisabled()
    await user.type(screen.getByLabelText('Email'), 'a@b.c')
    expect(button).toBeDisabled()
    await user.type(screen.getByLabelText('Password'), 'x')
    expect(button).toBeEnabled()
  })
})
