import { screen } from '@testing-library/react'
import i18n from '../../i18n'
import { mockApi } from '../../test/api'
import { FollowConfirmPage } from './FollowConfirmPage'
import { h1Count, renderPage } from './renderPage'

describe('FollowConfirmPage', () => {
  it('confirms only when the resident presses the button (mail scanners open links)', async () => {
    const api = mockApi({ 'POST /api/v1/public/followers/confirm': { number: '26-00000042' } })
    const { user } = renderPage('/follow/confirm', <FollowConfirmPage />, '/follow/confirm?token=abc.def')
    expect(api.calls).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Yes, send me updates' }))
    expect(await screen.findByRole('link', { name: '26-00000042' })).toHaveAttribute('href', '/status/26-00000042')
    expect(api.calls[0]!.body).toEqual({ token: 'abc.def' })
    expect(h1Count()).toBe(1)
  })

  it('explains an expired link, in Spanish', async () => {
    await i18n.changeLanguage('es')
    mockApi({ 'POST /api/v1/public/followers/confirm': { status: 422, body: { title: 'Refused', status: 422 } } })
    const { user } = renderPage('/follow/confirm', <FollowConfirmPage />, '/follow/confirm?token=old')
    await user.click(screen.getByRole('button', { name: 'Sí, envíenme novedades' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Este enlace venció o ya se usó.')
  })

  it('says a link without its token is incomplete', () => {
    mockApi({})
    renderPage('/follow/confirm', <FollowConfirmPage />, '/follow/confirm')
    expect(screen.getByRole('alert')).toHaveTextContent('This link is incomplete.')
  })
})
