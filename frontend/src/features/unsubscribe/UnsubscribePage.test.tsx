import { screen } from '@testing-library/react'
import { Route, Routes } from 'react-router'
import i18n from '../../i18n'
import { mockApi, type Handler, type Reply } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { UnsubscribePage } from './UnsubscribePage'

const TOKEN = 'cm9zYUBleGFtcGxlLm5ldA.xg8SkqhcgBv9zTgjuOyZp0HXYtCj_L85i9bkXuRDVCk'
const URL = 'POST /api/v1/notifications/unsubscribe'

function setup(handlers: Record<string, Reply | Handler> = {}, path = `/unsubscribe?token=${TOKEN}`) {
  const api = mockApi(handlers)
  const view = renderWithProviders(
    <Routes>
      <Route path="/unsubscribe" element={<UnsubscribePage />} />
      <Route path="/status" element={<p>look-up page</p>} />
    </Routes>,
    { path },
  )
  return { api, ...view }
}

describe('UnsubscribePage', () => {
  it('explains and waits for the button: opening the link changes nothing', async () => {
    const { api } = setup({ [URL]: { status: 204 } })
    expect(screen.getByRole('heading', { level: 1, name: 'Stop emails from 311' })).toBeInTheDocument()
    const button = screen.getByRole('button', { name: 'Stop emails' })
    expect(button).toHaveAccessibleDescription(/stop all emails from 311 about your requests.*Text messages are not affected/)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(api.calls).toEqual([])
  })

  it('posts the token when the resident presses the button and says it is done', async () => {
    const { api, user } = setup({ [URL]: { status: 204 } })
    await user.click(screen.getByRole('button', { name: 'Stop emails' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Done: we will not email this address about your requests any more.')
    expect(screen.queryByRole('button', { name: 'Stop emails' })).toBeNull()
    expect(api.calls).toHaveLength(1)
    const [call] = api.calls
    expect(call!.method).toBe('POST')
    expect(call!.body).toEqual({ token: TOKEN })
    expect(call!.request.headers.get('Content-Type')).toContain('application/json')
    expect(api.unhandled).toEqual([])
  })

  it.each([
    [422, 'This link is not valid. Open the link at the bottom of one of our emails again, in full.'],
    [400, 'This link is not valid. Open the link at the bottom of one of our emails again, in full.'],
    [429, 'Too many attempts from here. Please wait a few minutes and try again.'],
    [500, 'That did not work just now. Please try again later.'],
  ])('explains a %i answer and lets the resident try again', async (status, message) => {
    let calls = 0
    const { user } = setup({
      [URL]: () => (++calls === 1 ? { status, body: { type: 'urn:frontdoor:problem:x', title: 'Refused', status, detail: 'no' } } : { status: 204 }),
    })
    await user.click(screen.getByRole('button', { name: 'Stop emails' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(message)
    await user.click(screen.getByRole('button', { name: 'Stop emails' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Done')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('says so when the link lost its token, and offers no button', () => {
    const { api } = setup({}, '/unsubscribe')
    expect(screen.getByRole('alert')).toHaveTextContent('This link is incomplete.')
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.getByRole('link', { name: 'Check a request' })).toHaveAttribute('href', '/status')
    expect(api.calls).toEqual([])
  })

  it('is in Spanish when the resident chose Spanish', async () => {
    await i18n.changeLanguage('es')
    const { user } = setup({ [URL]: { status: 204 } })
    expect(screen.getByRole('heading', { level: 1, name: 'Dejar de recibir correos del 311' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Dejar de recibir correos' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Hecho: ya no escribiremos a esta dirección')
  })
})
