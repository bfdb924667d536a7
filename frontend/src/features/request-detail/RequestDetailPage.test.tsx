import { screen, waitFor, within } from '@testing-library/react'
import i18n from '../../i18n'
import { checkPersonalData } from '../../test/personalData'
import { posts, renderRequestPage as setup, withEtag } from './renderRequestPage'
import { aLink, aRequest, MANAGER, NO_LINKS, STAFF, SUPERVISOR } from './testData'

describe('RequestDetailPage', () => {
  it('shows the details, the timeline with public and internal comments, and no photos', async () => {
    setup()
    expect(await screen.findByRole('heading', { level: 1, name: 'Request 26-00000001' })).toBeInTheDocument()
    expect(await screen.findByText('Pothole repair')).toBeInTheDocument()
    expect(screen.getByText('Rosa Parks')).toBeInTheDocument()
    expect(await within(screen.getByRole('region', { name: 'Details' })).findByText('Transportation')).toBeInTheDocument()
    expect(screen.getByText('100 N Holliday St')).toBeInTheDocument()

    const timeline = screen.getByRole('region', { name: 'Timeline' })
    const internal = (await within(timeline).findByText('Crew booked for Friday')).closest('li')!
    expect(within(internal).getByText('Internal')).toBeInTheDocument()
    const published = within(timeline).getByText('We will fix it this week').closest('li')!
    expect(within(published).getByText('Public')).toBeInTheDocument()
    expect(within(published).getByText('2 photos attached')).toBeInTheDocument()
    expect(within(timeline).getByText('Created (Phone)')).toBeInTheDocument()
    expect(within(timeline).getByText('Status: New → Closed')).toBeInTheDocument()
    expect(within(timeline).getByText('Reason: Resolved')).toBeInTheDocument()
    expect(await within(timeline).findByText('Assignment changed: Mia Road')).toBeInTheDocument()
    expect(within(timeline).getByText('Transferred from Sanitation to Transportation')).toBeInTheDocument()
    expect(within(timeline).getByText('Priority: Normal → High')).toBeInTheDocument()
    expect(within(timeline).getByText('26-00000007 merged into this request')).toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: 'Photos' })).getByText('No photos.')).toBeInTheDocument()
  })

  it('closes the request with a reason, sending its ETag in If-Match', async () => {
    const { api, user } = setup(STAFF, {
      'POST /api/v1/requests/26-00000001/transitions': withEtag(aRequest({ status: 'closed', close_reason: 'resolved', version: 4 }), 4),
    })
    await user.click(await screen.findByRole('button', { name: 'Close request' }))
    const confirm = screen.getByRole('button', { name: 'Confirm close' })
    expect(confirm).toBeDisabled()
    expect(screen.getByLabelText('Close reason')).toHaveFocus()
    await user.selectOptions(screen.getByLabelText('Close reason'), 'Resolved')
    await user.click(confirm)

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Close request' })).toBeNull())
    const [call] = posts(api.calls, '/transitions')
    expect(call!.request.headers.get('If-Match')).toBe('"v3"')
    expect(call!.body).toEqual({ to: 'closed', reason: 'resolved' })
    await waitFor(() => expect(screen.getByRole('button', { name: 'Reopen' })).toHaveFocus())
    const details = screen.getByRole('region', { name: 'Details' })
    expect(within(details).getByText('Closed')).toBeInTheDocument()
    expect(within(details).getByText('Resolved')).toBeInTheDocument()
  })

  it('cancelling the close form sends nothing and returns focus to Close request', async () => {
    const { api, user } = setup(STAFF)
    await user.click(await screen.findByRole('button', { name: 'Close request' }))
    await user.keyboard('{Tab}{Tab}{Enter}')
    expect(screen.queryByLabelText('Close reason')).toBeNull()
    expect(screen.getByRole('button', { name: 'Close request' })).toHaveFocus()
    expect(posts(api.calls, '/transitions')).toHaveLength(0)
  })

  it('on 412 says someone else changed it, reloads, and retries with the new ETag', async () => {
    let version = 3
    let attempts = 0
    const { api, user } = setup(STAFF, {
      'GET /api/v1/requests/26-00000001': () => withEtag(aRequest({ version, priority: version > 3 ? 'high' : 'normal' }), version),
      'POST /api/v1/requests/26-00000001/transitions': (request: Request) => {
        attempts += 1
        if (request.headers.get('If-Match') !== `"v${version}"`) return { status: 412, body: { title: 'Precondition failed', status: 412 } }
        return withEtag(aRequest({ status: 'closed', close_reason: 'cancelled', version: version + 1 }), version + 1)
      },
    })
    await user.click(await screen.findByRole('button', { name: 'Close request' }))
    await user.selectOptions(screen.getByLabelText('Close reason'), 'Cancelled')
    version = 4 // someone else saves meanwhile
    await user.click(screen.getByRole('button', { name: 'Confirm close' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('changed by someone else and has been reloaded')
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Details' })).getByText('High')).toBeInTheDocument())
    expect(screen.getByLabelText('Close reason')).toHaveValue('cancelled')

    await user.click(screen.getByRole('button', { name: 'Confirm close' }))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Reopen' })).toBeInTheDocument())
    expect(attempts).toBe(2)
    expect(posts(api.calls, '/transitions').map((call) => call.request.headers.get('If-Match'))).toEqual(['"v3"', '"v4"'])
  })

  it('moves along the lifecycle', async () => {
    const { api, user } = setup(STAFF, {
      'POST /api/v1/requests/26-00000001/transitions': (request: Request) =>
        request
          .clone()
          .json()
          .then((body: { to: 'acknowledged' | 'in_progress' }) => withEtag(aRequest({ status: body.to, version: 4 }), 4)),
    })
    await user.click(await screen.findByRole('button', { name: 'Acknowledge' }))
    expect(await screen.findByRole('button', { name: 'Put on hold' })).toBeInTheDocument()
    expect(posts(api.calls, '/transitions')[0]!.body).toEqual({ to: 'acknowledged' })
  })

  it('reopens a closed request with a note', async () => {
    const { api, user } = setup(
      STAFF,
      { 'POST /api/v1/requests/26-00000001/transitions': withEtag(aRequest({ status: 'in_progress', version: 6 }), 6) },
      aRequest({ status: 'closed', close_reason: 'resolved', version: 5 }),
    )
    await user.click(await screen.findByRole('button', { name: 'Reopen' }))
    expect(screen.getByRole('button', { name: 'Confirm reopen' })).toBeDisabled()
    await user.type(screen.getByLabelText('Why reopen it?'), 'Still there')
    await user.click(screen.getByRole('button', { name: 'Confirm reopen' }))
    await screen.findByRole('button', { name: 'Close request' })
    expect(posts(api.calls, '/transitions')[0]!.body).toEqual({ to: 'in_progress', note: 'Still there' })
    expect(posts(api.calls, '/transitions')[0]!.request.headers.get('If-Match')).toBe('"v5"')
  })

  it('adds a public comment and refreshes the timeline', async () => {
    const { api, user } = setup(STAFF, {
      'POST /api/v1/requests/26-00000001/comments': withEtag(aRequest({ version: 4 }), 4),
    })
    await screen.findByRole('heading', { level: 1 })
    const timelineLoads = () => api.calls.filter((call) => call.path.endsWith('/timeline')).length
    await waitFor(() => expect(timelineLoads()).toBe(1))
    await user.type(screen.getByLabelText('Comment'), '  Crew on the way  ')
    await user.click(within(screen.getByRole('region', { name: 'Add a comment' })).getByLabelText('Public (shown to the resident)'))
    await user.click(screen.getByRole('button', { name: 'Add comment' }))

    await waitFor(() => expect(screen.getByLabelText('Comment')).toHaveValue(''))
    expect(posts(api.calls, '/comments')[0]!.body).toEqual({ body: 'Crew on the way', visibility: 'public' })
    await waitFor(() => expect(timelineLoads()).toBe(2))
  })

  it('attaches photos of the same visibility to a comment', async () => {
    const photo = (id: string, visibility: string) => ({ id, url: `/api/v1/media/${id}`, request_id: '26-00000001', visibility, content_type: 'image/png', byte_size: 10, width: 4, height: 3, created_at: '2026-03-02T10:00:00Z' })
    const [internal, published] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b']
    const gone = { status: 404, body: { title: 'Not found', status: 404 } }
    const { api, user } = setup(STAFF, {
      'GET /api/v1/requests/26-00000001/photos': { items: [photo(internal!, 'internal'), photo(published!, 'public')] },
      [`GET /api/v1/media/${internal}`]: gone,
      [`GET /api/v1/media/${published}`]: gone,
      'POST /api/v1/requests/26-00000001/comments': withEtag(aRequest({ version: 4 }), 4),
    })
    const form = within(await screen.findByRole('region', { name: 'Add a comment' }))
    expect(await form.findByRole('checkbox', { name: 'Photo 1' })).toBeInTheDocument()
    expect(form.queryByRole('checkbox', { name: 'Photo 2' })).toBeNull()
    await user.click(form.getByRole('checkbox', { name: 'Photo 1' }))
    await user.click(form.getByLabelText('Public (shown to the resident)'))
    expect(form.queryByRole('checkbox', { name: 'Photo 1' })).toBeNull()
    await user.click(form.getByRole('checkbox', { name: 'Photo 2' }))
    await user.type(form.getByLabelText('Comment'), 'Before and after')
    await user.click(form.getByRole('button', { name: 'Add comment' }))

    await waitFor(() => expect(posts(api.calls, '/comments')).toHaveLength(1))
    expect(posts(api.calls, '/comments')[0]!.body).toEqual({ body: 'Before and after', visibility: 'public', photo_ids: [published] })
    await waitFor(() => expect(form.getByRole('checkbox', { name: 'Photo 2' })).not.toBeChecked())
  })

  it('lets a manager assign within the department, transfer with a reason and set the priority', async () => {
    const patched: unknown[] = []
    const { user } = setup(MANAGER, {
      'PATCH /api/v1/requests/26-00000001': async (request: Request) => {
        patched.push(await request.clone().json())
        return withEtag(aRequest({ version: 3 + patched.length }), 3 + patched.length)
      },
    })
    const assignee = await screen.findByLabelText('Assignee')
    await waitFor(() => expect(within(assignee).getByRole('option', { name: 'Mia Road' })).toBeInTheDocument())
    expect(within(assignee).queryByRole('option', { name: 'Old Timer' })).toBeNull()
    expect(within(assignee).queryByRole('option', { name: 'Sal Bin' })).toBeNull()
    await user.selectOptions(assignee, 'Mia Road')
    await user.click(screen.getByRole('button', { name: 'Assign' }))
    await waitFor(() => expect(patched).toEqual([{ assignee_id: 'u-mia' }]))

    const department = screen.getByLabelText('Transfer to department')
    await waitFor(() => expect(within(department).getByRole('option', { name: 'Sanitation' })).toBeInTheDocument())
    expect(within(department).queryByRole('option', { name: 'Transportation' })).toBeNull()
    await user.selectOptions(department, 'Sanitation')
    await user.type(screen.getByLabelText('Reason for the transfer'), 'Trash, not a pothole')
    await user.click(screen.getByRole('button', { name: 'Transfer' }))
    await waitFor(() => expect(patched).toHaveLength(2))
    expect(patched[1]).toEqual({ department: 'sanitation', reason: 'Trash, not a pothole' })

    await user.selectOptions(screen.getByLabelText('Set priority'), 'Urgent')
    await user.click(screen.getByRole('button', { name: 'Change priority' }))
    await waitFor(() => expect(patched[2]).toEqual({ priority: 'urgent' }))
  })

  it('keeps the chosen assignee when an unrelated change (a comment) reloads the request', async () => {
    const { user } = setup(MANAGER, { 'POST /api/v1/requests/26-00000001/comments': withEtag(aRequest({ version: 4 }), 4) })
    const assignee = await screen.findByLabelText('Assignee')
    await waitFor(() => expect(within(assignee).getByRole('option', { name: 'Mia Road' })).toBeInTheDocument())
    await user.selectOptions(assignee, 'Mia Road')
    await user.type(screen.getByLabelText('Comment'), 'Note')
    await user.click(screen.getByRole('button', { name: 'Add comment' }))
    await waitFor(() => expect(screen.getByLabelText('Comment')).toHaveValue(''))
    expect(screen.getByLabelText('Assignee')).toHaveValue('u-mia')
    expect(screen.getByRole('button', { name: 'Assign' })).toBeEnabled()
  })

  it('merges into another request by its reference number, and shows why a merge failed', async () => {
    let tries = 0
    const { api, user } = setup(SUPERVISOR, {
      'POST /api/v1/requests/26-00000001/merge': () => {
        tries += 1
        if (tries === 1) return { status: 409, body: { title: 'Conflict', status: 409, detail: 'request 26-00000042 is closed' } }
        return withEtag(aRequest({ status: 'closed', close_reason: 'duplicate', duplicate_of: '26-00000002', version: 4 }), 4)
      },
      'GET /api/v1/requests/26-00000001/linked': () => (tries < 2 ? NO_LINKS : { duplicate_of: aLink('26-00000002', { first_name: 'Ana' }, { status: 'new' }), duplicates: [] }),
    })
    await user.type(await screen.findByLabelText('Duplicate of (reference number)'), '26-00000042')
    await user.click(screen.getByRole('button', { name: 'Merge as duplicate' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('request 26-00000042 is closed')

    await user.clear(screen.getByLabelText('Duplicate of (reference number)'))
    await user.type(screen.getByLabelText('Duplicate of (reference number)'), '26-00000002')
    await user.click(screen.getByRole('button', { name: 'Merge as duplicate' }))
    expect(await screen.findByRole('link', { name: '26-00000002' })).toHaveAttribute('href', '/requests/26-00000002')
    expect(posts(api.calls, '/merge').map((call) => call.body)).toEqual([{ into: '26-00000042' }, { into: '26-00000002' }])
    expect(screen.queryByLabelText('Duplicate of (reference number)')).toBeNull()
  })

  it('does not offer assignment, transfer or priority to department staff who are not managers', async () => {
    setup(STAFF)
    await screen.findByRole('button', { name: 'Close request' })
    expect(screen.queryByLabelText('Assignee')).toBeNull()
    expect(screen.queryByLabelText('Transfer to department')).toBeNull()
    expect(screen.queryByLabelText('Set priority')).toBeNull()
  })

  it('says when the request does not exist or cannot be seen', async () => {
    setup(STAFF, { 'GET /api/v1/requests/26-00000001': { status: 404, body: { title: 'Not found', status: 404 } } })
    expect(await screen.findByRole('alert')).toHaveTextContent('There is no request 26-00000001')
    expect(screen.getByRole('link', { name: 'Back to the queues' })).toHaveAttribute('href', '/queues')
  })

  it('speaks Spanish, closing included', async () => {
    await i18n.changeLanguage('es')
    const { user } = setup(STAFF)
    await user.click(await screen.findByRole('button', { name: 'Cerrar la solicitud' }))
    expect(screen.getByLabelText('Motivo de cierre')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Confirmar el cierre' })).toBeInTheDocument()
  })

  it('says a status note is public, and warns when public text holds personal data', async () => {
    const { api, user } = setup(STAFF, { 'POST /api/v1/personal-data/check': checkPersonalData })
    await user.click(await screen.findByRole('button', { name: 'Close request' }))
    const note = screen.getByLabelText('Note for the resident (optional)')
    expect(note).toHaveAccessibleDescription(expect.stringContaining('Public: residents read this note'))
    await user.type(note, 'Rosa 410-555-0177')
    expect(await screen.findByText(/seems to hold the caller's name and a phone number/)).toHaveAttribute('role', 'status')
    const checks = api.calls.filter((call) => call.path === '/api/v1/personal-data/check')
    expect(checks.at(-1)!.body).toEqual({ text: 'Rosa 410-555-0177', names: ['Rosa', 'Parks'] })

    const comment = within(screen.getByRole('region', { name: 'Add a comment' }))
    await user.type(comment.getByLabelText('Comment'), 'Call 410-555-0123')
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(screen.getAllByText(/seems to hold/)).toHaveLength(1) // internal: staff only, no warning
    await user.click(comment.getByLabelText('Public (shown to the resident)'))
    await waitFor(() => expect(screen.getAllByText(/seems to hold/)).toHaveLength(2))
    expect(comment.getByLabelText('Comment')).toHaveAccessibleDescription(expect.stringContaining('a phone number'))
    expect(api.unhandled).toEqual([])
  }, 20_000)
})
