import { screen, waitFor, within } from '@testing-library/react'
import { Route, Routes } from 'react-router'
import { mockApi, type Handler, type Reply } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import type { components } from '../../api/client'
import { ArticlePage } from './ArticlePage'
import { AGENT, anArticle, SUPERVISOR } from './testData'

type Me = components['schemas']['Me']
const withEtag = (body: unknown, version: number) => ({ status: 200, body, headers: { ETag: `"v${version}"` } })

const VERSIONS = {
  items: [
    { version: 1, title: 'x', summary: '', body: '', status: 'draft', change: 'created', edited_by: null, edited_by_name: 'Ada Admin', edited_at: '2026-01-01T00:00:00Z' },
    { version: 2, title: 'x', summary: '', body: '', status: 'draft', change: 'edited', edited_by: null, edited_by_name: 'Sam Supervisor', edited_at: '2026-01-02T00:00:00Z' },
  ],
}

function setup(me: Me, handlers: Record<string, Reply | Handler> = {}, article = anArticle()) {
  const api = mockApi({
    'GET /api/v1/me': me,
    'GET /api/v1/articles/7': withEtag(article, article.version),
    'GET /api/v1/articles/7/versions': VERSIONS,
    'GET /api/v1/articles/8': withEtag(
      anArticle({ id: 8, language: 'es', title: 'Recogida de basura voluminosa', body: 'Llame al 311.', translation_of: 7, stale: false }),
      1,
    ),
    ...handlers,
  })
  const view = renderWithProviders(
    <Routes>
      <Route path="/knowledge/:id" element={<ArticlePage />} />
    </Routes>,
    { path: '/knowledge/7' },
  )
  return { api, ...view }
}

describe('ArticlePage', () => {
  it("names the article's department, and shows edit times in the city's zone", async () => {
    setup(AGENT, { 'GET /api/v1/departments': { items: [{ code: 'solid-waste', name: 'Solid Waste' }] } }, anArticle({ department: 'solid-waste' }))
    const department = (await screen.findByText('Owner', { selector: 'dt' })).nextElementSibling
    expect(await within(screen.getByRole('region', { name: 'Versions' })).findByText('Dec 31, 2025, 7:00 PM EST')).toBeInTheDocument()
    await waitFor(() => expect(department).toHaveTextContent('Solid Waste'))
  })

  it('reads the article with its stale flag, translations and versions', async () => {
    setup(AGENT)
    expect(await screen.findByRole('heading', { level: 1, name: 'Bulk trash pickup' })).toBeInTheDocument()
    expect(screen.getByRole('note')).toHaveTextContent('Review overdue')
    expect(await screen.findByText('Pickups are on Mondays.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Recogida de basura voluminosa' })).toHaveAttribute('href', '/knowledge/8')
    const versions = screen.getByRole('region', { name: 'Versions' })
    expect(await within(versions).findByText(/Version 2: edited by Sam Supervisor/)).toBeInTheDocument()
    expect(within(versions).getByText(/Version 1: created by Ada Admin/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Add a translation' })).toBeNull()
  })

  it('shows a translation side by side', async () => {
    const { user } = setup(AGENT)
    await user.selectOptions(await screen.findByLabelText('Show beside'), 'Recogida de basura voluminosa (es)')
    const aside = await screen.findByRole('complementary', { name: 'Recogida de basura voluminosa' })
    expect(within(aside).getByRole('heading', { level: 2, name: 'Recogida de basura voluminosa' })).toBeInTheDocument()
    expect(await within(aside).findByText('Llame al 311.')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Bulk trash pickup' })).toBeInTheDocument()
  })

  it('edits a draft with If-Match and shows the saved version', async () => {
    const { api, user } = setup(SUPERVISOR, {
      'PATCH /api/v1/articles/7': withEtag(anArticle({ title: 'Bulk pickup', version: 3, review_by: '2027-01-31', stale: false }), 3),
    })
    await user.click(await screen.findByRole('button', { name: 'Edit' }))
    const title = screen.getByLabelText('Title')
    await user.clear(title)
    await user.type(title, 'Bulk pickup')
    await user.clear(screen.getByLabelText('Review by'))
    await user.type(screen.getByLabelText('Review by'), '2027-01-31')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Bulk pickup' })).toBeInTheDocument()
    const patch = api.calls.find((call) => call.method === 'PATCH')!
    expect(patch.request.headers.get('If-Match')).toBe('"v2"')
    expect(patch.body).toMatchObject({ title: 'Bulk pickup', review_by: '2027-01-31', body: 'Call 311 to book.\n\nPickups are on Mondays.' })
    expect(screen.queryByRole('note')).toBeNull()
  })

  it('publishes a draft, and on 412 reloads, says so and publishes on retry', async () => {
    let version = 2
    const current = () => anArticle({ version, title: version > 2 ? 'Bulk trash pickup (edited)' : 'Bulk trash pickup' })
    const { api, user } = setup(SUPERVISOR, {
      'GET /api/v1/articles/7': () => withEtag(current(), version),
      'POST /api/v1/articles/7/transitions': (request: Request) => {
        if (request.headers.get('If-Match') !== `"v${version}"`) return { status: 412, body: { title: 'Precondition failed', status: 412 } }
        return withEtag(anArticle({ status: 'published', version: version + 1 }), version + 1)
      },
    })
    await screen.findByRole('heading', { level: 1, name: 'Bulk trash pickup' })
    version = 3 // someone else saves meanwhile
    await user.click(screen.getByRole('button', { name: 'Publish' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this article')
    await screen.findByRole('heading', { level: 1, name: 'Bulk trash pickup (edited)' })

    await user.click(screen.getByRole('button', { name: 'Publish' }))
    expect(await screen.findByRole('button', { name: 'Archive' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull()
    const sent = api.calls.filter((call) => call.path.endsWith('/transitions'))
    expect(sent.map((call) => call.request.headers.get('If-Match'))).toEqual(['"v2"', '"v3"'])
    expect(sent[1]!.body).toEqual({ to: 'published' })
  })

  it('adds a translation as a draft of the original', async () => {
    const api = setup(
      SUPERVISOR,
      { 'POST /api/v1/articles': { status: 201, body: anArticle({ id: 20, language: 'es', translation_of: 7 }) }, 'GET /api/v1/articles/20': withEtag(anArticle({ id: 20, title: 'Traducción' }), 1), 'GET /api/v1/articles/20/versions': { items: [] } },
      anArticle({ translations: [{ id: 7, language: 'en', title: 'Bulk trash pickup' }] }),
    )
    const { user } = api
    expect(await screen.findByText('No translations yet.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Add a translation' }))
    expect(screen.getByLabelText('Language of the translation')).toHaveValue('es')
    await user.type(screen.getByLabelText('Title'), 'Recogida')
    await user.click(screen.getByRole('button', { name: 'Create draft translation' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Traducción' })).toBeInTheDocument()
    expect(api.api.calls.find((call) => call.method === 'POST')!.body).toMatchObject({ title: 'Recogida', language: 'es', translation_of: 7, status: 'draft' })
  })

  it('says when the article does not exist', async () => {
    setup(AGENT, { 'GET /api/v1/articles/7': { status: 404, body: { title: 'Not found', status: 404 } } })
    expect(await screen.findByRole('alert')).toHaveTextContent('does not exist')
    expect(screen.getByRole('link', { name: 'Back to the knowledge base' })).toHaveAttribute('href', '/knowledge')
  })
})
