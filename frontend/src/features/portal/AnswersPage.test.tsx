import { screen } from '@testing-library/react'
import i18n from '../../i18n'
import { mockApi } from '../../test/api'
import { AnswerPage } from './AnswerPage'
import { AnswersPage } from './AnswersPage'
import { h1Count, renderPage } from './renderPage'
import { ARTICLE, SERVICES } from './testData'

describe('AnswersPage', () => {
  it('lists public answers, searchable, each a link', async () => {
    const api = mockApi({ 'GET /api/v1/public/articles': [{ id: 7, title: ARTICLE.title, snippet: 'Pickup days' }] })
    const { user } = renderPage('/answers', <AnswersPage />, '/answers')
    expect(await screen.findByRole('link', { name: ARTICLE.title })).toHaveAttribute('href', '/answers/7')
    await user.type(screen.getByRole('searchbox', { name: 'Search answers' }), 'holiday{Enter}')
    expect(await screen.findByText('1 answer.')).toBeInTheDocument()
    expect(api.calls.at(-1)!.url.searchParams.get('q')).toBe('holiday')
    expect(h1Count()).toBe(1)
  })

  it('is in Spanish', async () => {
    await i18n.changeLanguage('es')
    mockApi({ 'GET /api/v1/public/articles': [] })
    renderPage('/answers', <AnswersPage />, '/answers')
    expect(screen.getByRole('heading', { level: 1, name: 'Respuestas' })).toBeInTheDocument()
    expect(await screen.findByText('Ninguna respuesta coincide. Pruebe con otras palabras.')).toBeInTheDocument()
  })
})

describe('AnswerPage', () => {
  function setup(feedback = { status: 204 }) {
    const api = mockApi({
      'GET /api/v1/public/articles/7': ARTICLE,
      'GET /api/v1/public/services': SERVICES,
      'POST /api/v1/public/articles/7/feedback': feedback,
    })
    return { api, ...renderPage('/answers/:id', <AnswerPage />, '/answers/7') }
  }

  it('shows the article, counts "Was this helpful?" and leads on to the article\'s service', async () => {
    const { user, api } = setup()
    expect(await screen.findByRole('heading', { level: 1, name: ARTICLE.title })).toBeInTheDocument()
    expect(await screen.findByRole('heading', { level: 2, name: 'Holidays' })).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'Report it: Missed trash pickup' })).toHaveAttribute('href', '/report/sw-missed-pickup?article=7')
    await user.click(screen.getByRole('button', { name: 'Yes' }))
    expect(await screen.findByText('Thank you for telling us.')).toBeInTheDocument()
    const sent = api.calls.find((call) => call.method === 'POST')!
    expect(sent.body).toEqual({ helpful: true })
    expect(sent.request.headers.get('Idempotency-Key')).toBeTruthy()
    expect(h1Count()).toBe(1)
  })

  it('says so when the answer is not public', async () => {
    mockApi({ 'GET /api/v1/public/articles/8': { status: 404, body: { title: 'Not found', status: 404 } }, 'GET /api/v1/public/services': [] })
    renderPage('/answers/:id', <AnswerPage />, '/answers/8')
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not find that answer.')
    expect(h1Count()).toBe(1)
  })

  it('is in Spanish', async () => {
    await i18n.changeLanguage('es')
    const { user } = setup({ status: 500 })
    expect(await screen.findByRole('heading', { level: 2, name: '¿Le resultó útil?' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'No' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('No se pudo guardar su respuesta en este momento.')
  })
})
