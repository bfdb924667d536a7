import { screen } from '@testing-library/react'
import { Route, Routes } from 'react-router'
import i18n from '../../i18n'
import { mockApi, type Handler, type Reply } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import en from './locales/en.json'
import es from './locales/es.json'
import { SurveyPage } from './SurveyPage'

const TOKEN = '26-00000042.1796449612.mac'
const STATE = `GET /api/v1/public/surveys/${TOKEN}`
const ANSWER = `POST /api/v1/public/surveys/${TOKEN}/answer`
const COMMENT = `POST /api/v1/public/surveys/${TOKEN}/comment`
const OPEN = { number: '26-00000042', expires_at: '2027-01-04T12:00:00Z', answered: false, score: null, commented: false }

function setup(handlers: Record<string, Reply | Handler>, query = '') {
  const api = mockApi({ [STATE]: OPEN, ...handlers })
  const view = renderWithProviders(
    <Routes>
      <Route path="/survey/:token" element={<SurveyPage />} />
      <Route path="/status" element={<p>look-up page</p>} />
    </Routes>,
    { path: `/survey/${TOKEN}${query}` },
  )
  return { api, ...view }
}

const problem = (status: number) => ({ status, body: { type: 'about:blank', title: 'Refused', status, detail: 'no' } })

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key))
}

describe('SurveyPage', () => {
  it('comes with the score clicked in the email chosen, and sends only on Send', async () => {
    const { api, user } = setup({ [ANSWER]: { status: 201, body: { ...OPEN, answered: true, score: 4 } } }, '?score=4')
    expect(screen.getByRole('heading', { level: 1, name: 'How did we do?' })).toBeInTheDocument()
    const satisfied = await screen.findByRole('radio', { name: '4 – Satisfied' })
    expect(satisfied).toBeChecked()
    expect(screen.getByRole('group', { name: /request 26-00000042/ })).toBeInTheDocument()
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Thank you: your score of 4 was recorded.')
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({ score: 4 })
    expect(api.unhandled).toEqual([])
  })

  it('is usable by keyboard alone, with a comment, and then offers nothing more', async () => {
    const { api, user } = setup({ [ANSWER]: { status: 201, body: { ...OPEN, answered: true, score: 2, commented: true } } })
    await screen.findByRole('radio', { name: '5 – Very satisfied' })
    await user.tab()
    expect(screen.getByRole('radio', { name: '5 – Very satisfied' })).toHaveFocus()
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}')
    expect(screen.getByRole('radio', { name: '2 – Dissatisfied' })).toBeChecked()
    await user.tab()
    await user.keyboard('Too slow')
    await user.tab()
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('status')).toHaveTextContent('Thank you for your answer and your comment.')
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({ score: 2, comment: 'Too slow' })
    expect(screen.queryByRole('button', { name: 'Send comment' })).toBeNull()
  })

  it('asks for a score before sending anything', async () => {
    const { api, user } = setup({})
    await user.click(await screen.findByRole('button', { name: 'Send' }))
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a score from 1 to 5.')
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([])
  })

  it('lets a one-click answer add its comment afterwards', async () => {
    const answered = { ...OPEN, answered: true, score: 5 }
    const { api, user } = setup({ [STATE]: answered, [COMMENT]: { ...answered, commented: true } })
    await user.type(await screen.findByRole('textbox', { name: 'Would you like to tell us more? (optional)' }), 'Great crew')
    await user.click(screen.getByRole('button', { name: 'Send comment' }))
    expect(await screen.findByText('Thank you for your answer and your comment.')).toBeInTheDocument()
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({ comment: 'Great crew' })
  })

  it.each([
    [403, 'This survey link is not valid. Open the link from our message again, in full.'],
    [410, 'This survey link has expired. Thank you all the same.'],
  ])('explains a link the API refuses with %i', async (status, message) => {
    setup({ [STATE]: problem(status) })
    expect(await screen.findByRole('alert')).toHaveTextContent(message)
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull()
  })

  it('says so, in Spanish, when the survey was answered in the meantime', async () => {
    await i18n.changeLanguage('es')
    const { user } = setup({ [ANSWER]: problem(409) }, '?score=1')
    await user.click(await screen.findByRole('button', { name: 'Enviar' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Esta encuesta ya fue respondida. ¡Gracias!')
  })

  it('has every string in English and in Spanish', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort())
  })
})
