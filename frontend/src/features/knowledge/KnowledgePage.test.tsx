import { screen, waitFor, within } from '@testing-library/react'
import { Route, Routes } from 'react-router'
import { mockApi, type Call } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { KnowledgePage } from './KnowledgePage'
import { snippetParts } from '../../shared/Snippet'
import { AGENT, anArticle, anItem, MANAGER, SUPERVISOR } from './testData'

const searches = (calls: Call[]) => calls.filter((call) => call.method === 'GET' && call.path === '/api/v1/articles')
const lastSearch = (calls: Call[]) => searches(calls).at(-1)!.url.searchParams

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/knowledge" element={<KnowledgePage />} />
      <Route path="/knowledge/:id" element={<p>article page</p>} />
    </Routes>,
    { path: '/knowledge' },
  )
}

describe('KnowledgePage', () => {
  it('lists articles with their snippets, flags and links', async () => {
    mockApi({
      'GET /api/v1/me': AGENT,
      'GET /api/v1/articles': {
        items: [anItem(), anItem({ id: 9, title: 'Old rules', stale: true, status: 'draft', snippet: '', summary: 'Outdated', audience: 'internal' })],
        next_offset: null,
      },
    })
    renderPage()
    const link = await screen.findByRole('link', { name: 'Bulk trash pickup' })
    expect(link).toHaveAttribute('href', '/knowledge/7')
    const first = link.closest('li')!
    expect(within(first).getByText('bulk').tagName).toBe('MARK')
    expect(first).toHaveTextContent('Book a bulk pickup & more')
    const stale = screen.getByRole('link', { name: 'Old rules' }).closest('li')!
    expect(within(stale).getByText('Review overdue')).toBeInTheDocument()
    expect(within(stale).getByText('Draft')).toBeInTheDocument()
    expect(within(stale).getByText('Internal')).toBeInTheDocument()
    expect(within(stale).getByText('Outdated')).toBeInTheDocument()
    expect(screen.getByText('2 articles')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'New article' })).toBeNull()
  })

  it('searches by text, language, status and stale only', async () => {
    const api = mockApi({ 'GET /api/v1/me': AGENT, 'GET /api/v1/articles': { items: [], next_offset: null } })
    const { user } = renderPage()
    expect(await screen.findByText('No articles match.')).toBeInTheDocument()

    await user.type(screen.getByLabelText('Search'), 'bulk trash{Enter}')
    await waitFor(() => expect(lastSearch(api.calls).get('q')).toBe('bulk trash'))
    await user.selectOptions(screen.getByLabelText('Language'), 'Spanish')
    await waitFor(() => expect(lastSearch(api.calls).get('language')).toBe('es'))
    await user.selectOptions(screen.getByLabelText('Status'), 'Draft')
    await waitFor(() => expect(lastSearch(api.calls).get('status')).toBe('draft'))
    await user.click(screen.getByLabelText('Needs review only'))
    await waitFor(() => expect(lastSearch(api.calls).get('stale')).toBe('true'))
  })

  it('lets a writer create a draft and opens it', async () => {
    const api = mockApi({
      'GET /api/v1/me': MANAGER,
      'GET /api/v1/articles': { items: [], next_offset: null },
      'POST /api/v1/articles': { status: 201, body: anArticle({ id: 12 }) },
    })
    const { user } = renderPage()
    await user.click(await screen.findByRole('button', { name: 'New article' }))
    await user.type(screen.getByLabelText('Title'), 'Leaf collection')
    await user.type(screen.getByLabelText('Body (Markdown)'), 'Bags at the curb')
    await user.click(screen.getByRole('button', { name: 'Create draft' }))

    expect(await screen.findByText('article page')).toBeInTheDocument()
    const post = api.calls.find((call) => call.method === 'POST')!
    expect(post.body).toMatchObject({ title: 'Leaf collection', body: 'Bags at the curb', status: 'draft', department: 'sanitation', language: 'en' })
  })

  it('loads more articles a page at a time', async () => {
    const api = mockApi({
      'GET /api/v1/me': AGENT,
      'GET /api/v1/articles': (_request: Request, url: URL) =>
        url.searchParams.get('offset') === '50'
          ? { items: [anItem({ id: 60, title: 'Page two article' })], next_offset: null }
          : { items: [anItem()], next_offset: 50 },
    })
    const { user } = renderPage()
    await user.click(await screen.findByRole('button', { name: 'More articles' }))
    expect(await screen.findByRole('link', { name: 'Page two article' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Bulk trash pickup' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'More articles' })).toBeNull()
    expect(searches(api.calls).map((call) => call.url.searchParams.get('offset'))).toEqual(['0', '50'])
  })

  it('shows why the list failed', async () => {
    mockApi({ 'GET /api/v1/me': SUPERVISOR, 'GET /api/v1/articles': { status: 500, body: { title: 'Server error', status: 500 } } })
    renderPage()
    expect(await screen.findByRole('alert')).toHaveTextContent('Server error')
  })
})

describe('snippetParts', () => {
  it('keeps only text and marks, never markup', () => {
    expect(snippetParts('a <mark>b</mark> &lt;i&gt;c <img src=x onerror=alert(1)>')).toEqual([
      { text: 'a ', hit: false },
      { text: 'b', hit: true },
      { text: ' <i>c ', hit: false },
      { text: '', hit: false },
    ])
  })
})
