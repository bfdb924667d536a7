import { screen, waitFor, within } from '@testing-library/react'
import { session } from '../../api/session'
import i18n from '../../i18n'
import { mockApi, type Handler, type Reply } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { RequestPhotos } from './RequestPhotos'
import type { Photo } from './usePhotos'

const PHOTOS = '/api/v1/requests/26-00000001/photos'

function aPhoto(id: string, visibility: Photo['visibility']): Photo {
  return {
    id,
    url: `/api/v1/media/${id}`,
    request_id: '26-00000001',
    visibility,
    content_type: 'image/png',
    byte_size: 2048,
    width: 640,
    height: 480,
    created_at: '2026-03-02T10:00:00Z',
  }
}

const PUBLIC = aPhoto('00000000-0000-4000-8000-000000000001', 'public')
const INTERNAL = aPhoto('00000000-0000-4000-8000-000000000002', 'internal')
const image = { status: 200, body: 'png-bytes', headers: { 'Content-Type': 'image/png' } }

let created: string[]
let revoked: string[]

beforeEach(() => {
  created = []
  revoked = []
  URL.createObjectURL = vi.fn(() => {
    const url = `blob:photo-${created.length + 1}`
    created.push(url)
    return url
  })
  URL.revokeObjectURL = vi.fn((url: string) => void revoked.push(url))
})

function setup(handlers: Record<string, Reply | Handler> = {}) {
  const api = mockApi({
    [`GET ${PHOTOS}`]: { items: [PUBLIC, INTERNAL] },
    [`GET /api/v1/media/${PUBLIC.id}`]: image,
    [`GET /api/v1/media/${INTERNAL.id}`]: image,
    ...handlers,
  })
  return { api, ...renderWithProviders(<RequestPhotos requestId="26-00000001" />) }
}

const problem = (status: number, title: string) => ({ status, body: { title, status }, headers: { 'Content-Type': 'application/problem+json' } })

describe('RequestPhotos', () => {
  it('shows each photo through an object URL fetched with the token, tagged Public or Internal, and revokes the URLs on unmount', async () => {
    session.start('token-1')
    const { api, unmount } = setup()
    const first = await screen.findByRole('img', { name: 'Photo 1 of request 26-00000001 (public)' })
    const second = await screen.findByRole('img', { name: 'Photo 2 of request 26-00000001 (internal)' })
    expect(first).toHaveAttribute('src', expect.stringMatching(/^blob:photo-/))
    expect(second).toHaveAttribute('src', expect.stringMatching(/^blob:photo-/))
    expect(within(first.closest('li')!).getByText('Public')).toBeInTheDocument()
    expect(within(second.closest('li')!).getByText('Internal')).toBeInTheDocument()
    const media = api.calls.filter((call) => call.path.startsWith('/api/v1/media/'))
    expect(media.map((call) => call.path).sort()).toEqual([`/api/v1/media/${PUBLIC.id}`, `/api/v1/media/${INTERNAL.id}`])
    media.forEach((call) => expect(call.request.headers.get('Authorization')).toBe('Bearer token-1'))
    expect(api.unhandled).toEqual([])

    unmount()
    expect([...revoked].sort()).toEqual([...created].sort())
    expect(created).toHaveLength(2)
  })

  it('says so when there are no photos, and names a photo it could not load', async () => {
    setup({ [`GET ${PHOTOS}`]: { items: [INTERNAL] }, [`GET /api/v1/media/${INTERNAL.id}`]: problem(404, 'Not found') })
    expect(await screen.findByRole('img', { name: 'Photo 1 of request 26-00000001 (internal)' })).toHaveTextContent('Image unavailable')
    expect(created).toEqual([])
  })

  it('shows "No photos." for a request without any', async () => {
    setup({ [`GET ${PHOTOS}`]: { items: [] } })
    expect(await screen.findByText('No photos.')).toBeInTheDocument()
  })

  it('uploads a public photo as multipart and lists it', async () => {
    let listed = [INTERNAL]
    const { api, user } = setup({
      [`GET ${PHOTOS}`]: () => ({ items: listed }),
      [`POST ${PHOTOS}`]: () => {
        listed = [INTERNAL, PUBLIC]
        return { status: 201, body: PUBLIC }
      },
    })
    await screen.findByRole('img', { name: /Photo 1/ })
    const append = vi.spyOn(FormData.prototype, 'append')
    const chosen = new File(['png'], 'hole.png', { type: 'image/png' })
    const submit = screen.getByRole('button', { name: 'Upload photo' })
    expect(submit).toBeDisabled()
    await user.upload(screen.getByLabelText('Add photo'), chosen)
    await user.click(screen.getByRole('radio', { name: 'Public (shown to the resident)' }))
    await user.click(submit)

    expect(await screen.findByText('Photo added.')).toBeInTheDocument()
    expect(await screen.findByRole('img', { name: 'Photo 2 of request 26-00000001 (public)' })).toBeInTheDocument()
    const [post] = api.calls.filter((call) => call.method === 'POST')
    const form = await post!.request.formData()
    expect(form.get('visibility')).toBe('public')
    // jsdom's File does not survive into Node's Request body, so check what the form was given.
    expect(append).toHaveBeenCalledWith('file', chosen)
    append.mockRestore()
    expect(post!.request.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/)
  })

  it.each([
    [413, 'That file is too large: a photo may be 10 MB at most.'],
    [415, 'That file is not an image we accept: choose a JPEG, PNG, WebP or GIF photo.'],
  ])('explains a %i problem from the API', async (status, message) => {
    const { user } = setup({ [`POST ${PHOTOS}`]: problem(status, 'Refused') })
    await user.upload(await screen.findByLabelText('Add photo'), new File(['x'], 'scan.png', { type: 'image/png' }))
    await user.click(screen.getByRole('button', { name: 'Upload photo' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(message)
    expect(screen.getByLabelText('Add photo')).toHaveAttribute('aria-invalid', 'true')
  })

  it('refuses a file over 10 MiB before sending it', async () => {
    const { api, user } = setup()
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'huge.jpg', { type: 'image/jpeg' })
    await user.upload(await screen.findByLabelText('Add photo'), big)
    expect(screen.getByRole('alert')).toHaveTextContent('That file is too large')
    expect(screen.getByRole('button', { name: 'Upload photo' })).toBeDisabled()
    expect(api.calls.filter((call) => call.method === 'POST')).toEqual([])
  })

  it('works by keyboard alone, in Spanish', async () => {
    await i18n.changeLanguage('es')
    const { api, user } = setup({ [`POST ${PHOTOS}`]: { status: 201, body: INTERNAL } })
    const input = await screen.findByLabelText('Añadir foto')
    input.focus()
    await user.upload(input, new File(['png'], 'poste.png', { type: 'image/png' }))
    await user.tab()
    expect(screen.getByRole('radio', { name: 'Interno (solo personal)' })).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('button', { name: 'Subir foto' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(await screen.findByText('Foto añadida.')).toBeInTheDocument()
    const [post] = api.calls.filter((call) => call.method === 'POST')
    expect((await post!.request.formData()).get('visibility')).toBe('internal')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Subir foto' })).toBeDisabled())
  })
})
