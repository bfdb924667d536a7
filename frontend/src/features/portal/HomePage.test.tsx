import { screen, within } from '@testing-library/react'
import i18n from '../../i18n'
import { mockApi } from '../../test/api'
import { HomePage } from './HomePage'
import { h1Count, renderPage } from './renderPage'
import { ARTICLE, SERVICES } from './testData'

const SEARCH = { articles: [{ id: 7, title: ARTICLE.title, snippet: 'Pickup days' }], services: [{ code: 'sw-missed-pickup', name: 'Missed trash pickup', description: 'Not collected', group: 'Trash' }] }

function setup() {
  const api = mockApi({ 'GET /api/v1/public/services': SERVICES, 'GET /api/v1/public/search': SEARCH })
  return { api, ...renderPage('/', <HomePage />, '/') }
}

describe('HomePage', () => {
  it('asks "What do you need?" and lists the most-used services first, as links to their forms', async () => {
    const { api } = setup()
    expect(screen.getByRole('heading', { level: 1, name: 'What do you need?' })).toBeInTheDocument()
    const popular = await screen.findByRole('region', { name: 'Most-used services' })
    const links = within(popular).getAllByRole('link')
    expect(links.map((link) => link.textContent)).toEqual(['Pothole repair', 'Missed trash pickup'])
    expect(links[0]).toHaveAttribute('href', '/report/trm-pothole-repair')
    expect(screen.getByRole('link', { name: 'See requests near you' })).toHaveAttribute('href', '/map')
    expect(h1Count()).toBe(1)
    expect(api.calls.every((call) => call.request.headers.get('Authorization') === null)).toBe(true)
  })

  it('searches answers and services together, in the visitor\'s language', async () => {
    const { user, api } = setup()
    await user.type(screen.getByRole('searchbox', { name: 'Search answers and services' }), 'trash{Enter}')
    expect(await screen.findByText('2 results.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: ARTICLE.title })).toHaveAttribute('href', '/answers/7')
    expect(screen.getAllByRole('link', { name: 'Missed trash pickup' }).map((link) => link.getAttribute('href'))).toContain('/report/sw-missed-pickup')
    const search = api.calls.find((call) => call.path === '/api/v1/public/search')!
    expect(search.url.searchParams.get('q')).toBe('trash')
    expect(search.url.searchParams.get('lang')).toBe('en')
    expect(h1Count()).toBe(1)
  })

  it('is in Spanish, and asks the API in Spanish', async () => {
    await i18n.changeLanguage('es')
    const { user, api } = setup()
    expect(screen.getByRole('heading', { level: 1, name: '¿Qué necesita?' })).toBeInTheDocument()
    await user.type(screen.getByRole('searchbox', { name: 'Buscar respuestas y servicios' }), 'basura{Enter}')
    expect(await screen.findByText('2 resultados.')).toBeInTheDocument()
    const search = api.calls.find((call) => call.path === '/api/v1/public/search')!
    expect(search.url.searchParams.get('lang')).toBe('es')
    expect(search.request.headers.get('Accept-Language')).toBe('es')
  })

  it('says when nothing matched', async () => {
    mockApi({ 'GET /api/v1/public/services': [], 'GET /api/v1/public/search': { articles: [], services: [] } })
    renderPage('/', <HomePage />, '/?q=zebra')
    expect(await screen.findByText('Nothing matched. Try other words, or choose a service below.')).toBeInTheDocument()
  })
})
