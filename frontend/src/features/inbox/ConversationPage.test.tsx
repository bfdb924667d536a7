import { screen, within } from '@testing-library/react'
import { Route, Routes } from 'react-router'
import { POTHOLE, TRASH_ARTICLE } from '../../shared/contact/fixtures.test-data'
import { mockApi, type Reply } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { ConversationPage } from './ConversationPage'
import { CASE_ID, CONVERSATION, HOLLIDAY, REFERENCE, SUGGESTIONS } from './testData'

const PATH = `/api/v1/inbox/${CASE_ID}`
const TEMPLATES = {
  items: [
    { key: 'received', title: 'We are on it', body: 'Hello,\n\nYour message is case ${reference}.\n\n311' },
    { key: 'more_details', title: 'Ask for the address', body: 'Which address? (case ${reference})' },
  ],
}

function answers(extra: Record<string, Reply> = {}) {
  return mockApi({
    [`GET ${PATH}`]: { status: 200, body: CONVERSATION, headers: { ETag: '"v2"' } },
    [`POST ${PATH}/read`]: { status: 204 },
    'GET /api/v1/inbox/templates': TEMPLATES,
    [`GET ${PATH}/suggestions`]: SUGGESTIONS,
    'GET /api/v1/services': { items: [POTHOLE] },
    'GET /api/v1/addresses': { items: [HOLLIDAY] },
    'POST /api/v1/personal-data/check': { findings: [] },
    'GET /api/v1/articles/suggestions': { items: [TRASH_ARTICLE] },
    ...extra,
  })
}

function renderConversation() {
  return renderWithProviders(
    <Routes>
      <Route path="/inbox/:caseId" element={<ConversationPage />} />
      <Route path="/inbox" element={<p>the queue</p>} />
    </Routes>,
    { path: `/inbox/${CASE_ID}` },
  )
}

const calls = (api: ReturnType<typeof mockApi>, method: string, path: string) => api.calls.filter((call) => call.method === method && call.path === path)

describe('ConversationPage', () => {
  it('shows the messages in and out, oldest first, and marks them read', async () => {
    const api = answers()
    renderConversation()
    const list = await screen.findByRole('list', { name: 'Messages, oldest first' })
    const [incoming, outgoing] = within(list).getAllByRole('article')
    expect(incoming).toHaveTextContent('From ana@example.net')
    expect(incoming).toHaveTextContent('There is a huge pothole in front of 101 N Holliday St')
    expect(within(incoming!).getByRole('link', { name: 'hole.jpg' })).toHaveAttribute('href', '/api/v1/media/p1')
    expect(incoming).toHaveTextContent('run.exe refused: not an image')
    expect(outgoing).toHaveTextContent('To ana@example.net, by Alex Agent')
    expect(screen.getByText(`${REFERENCE} · Email · Ana Ruiz`)).toBeInTheDocument()
    await vi.waitFor(() => expect(calls(api, 'POST', `${PATH}/read`)).toHaveLength(1))
  })

  it('R opens the reply box; a template fills in the case number; the reply is sent', async () => {
    const api = answers({
      [`POST ${PATH}/replies`]: { status: 201, body: { ...CONVERSATION.messages[1], id: 'm3' } },
    })
    const { user } = renderConversation()
    await screen.findByRole('list', { name: 'Messages, oldest first' })
    await user.keyboard('r')
    const box = screen.getByLabelText('Your reply')
    expect(box).toHaveFocus()
    await user.selectOptions(await screen.findByLabelText('Start from a template'), 'received')
    expect(box).toHaveValue(`Hello,\n\nYour message is case ${REFERENCE}.\n\n311`)
    await user.click(screen.getByRole('button', { name: 'Send reply' }))
    expect(await screen.findByText('Reply queued: it goes out in a moment.')).toBeInTheDocument()
    expect(calls(api, 'POST', `${PATH}/replies`)[0]!.body).toEqual({ body: `Hello,\n\nYour message is case ${REFERENCE}.\n\n311`, template: 'received' })
  })

  it('T opens the request form prefilled from the message and sends it with the ETag', async () => {
    const api = answers({ [`POST ${PATH}/request`]: { status: 201, body: { case: CONVERSATION.case, request_id: '26-00000042' } } })
    const { user } = renderConversation()
    await screen.findByRole('list', { name: 'Messages, oldest first' })
    await user.keyboard('t')
    const service = await screen.findByLabelText('Service')
    expect(service).toHaveValue('trm-pothole-repair')
    expect(service).toHaveFocus()
    expect(screen.getByText('Suggested from the message: Pothole')).toBeInTheDocument()
    expect(screen.getByTestId('inbox-picked-address')).toHaveTextContent('Location: 101 N HOLLIDAY ST')
    expect(screen.getByLabelText('Public description (residents read it)')).toHaveValue('Pothole on Holliday')
    await user.click(screen.getByRole('button', { name: 'Open the request' }))
    expect(calls(api, 'POST', `${PATH}/request`)).toHaveLength(0) // the pothole's size is required
    await user.selectOptions(screen.getByLabelText(/How big is the pothole/), 'large')
    await user.click(screen.getByRole('button', { name: 'Open the request' }))
    expect(await screen.findByRole('link', { name: '26-00000042' })).toHaveAttribute('href', '/requests/26-00000042')
    const [sent] = calls(api, 'POST', `${PATH}/request`)
    expect(sent!.request.headers.get('If-Match')).toBe('"v2"')
    expect(sent!.body).toEqual({
      service_code: 'trm-pothole-repair',
      description: 'Pothole on Holliday',
      internal_note: CONVERSATION.messages[0]!.body,
      location: { lat: HOLLIDAY.lat, long: HOLLIDAY.long, address: HOLLIDAY.address },
      attributes: { pothole_size: 'large' },
    })
  })

  it('C closes it as information with the article that answered it', async () => {
    const api = answers({ [`POST ${PATH}/close`]: { ...CONVERSATION.case, type: 'information', article_ids: [1] } })
    const { user } = renderConversation()
    await screen.findByRole('list', { name: 'Messages, oldest first' })
    await user.keyboard('c')
    expect(screen.getByRole('radio', { name: 'Information' })).toHaveFocus()
    await user.click(await screen.findByRole('button', { name: 'Answered with “When is my trash collected?”' }))
    await user.click(screen.getByRole('button', { name: 'Close the conversation' }))
    expect(await screen.findByText('Closed: the conversation left the Inbox.')).toBeInTheDocument()
    expect(calls(api, 'POST', `${PATH}/close`)[0]!.body).toEqual({ type: 'information', article_ids: [1], resolved_on_first_contact: true })
  })

  it('says so when someone else handled it first', async () => {
    answers({ [`POST ${PATH}/close`]: { status: 409, body: { title: 'Conflict', status: 409, detail: 'not in the Inbox' } } })
    const { user } = renderConversation()
    await screen.findByRole('list', { name: 'Messages, oldest first' })
    await user.keyboard('c')
    await user.click(screen.getByRole('radio', { name: 'Other' }))
    await user.click(screen.getByRole('button', { name: 'Close the conversation' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else handled this conversation first')
  })

  it('Escape leaves a form, then goes back to the queue', async () => {
    answers()
    const { user } = renderConversation()
    await screen.findByRole('list', { name: 'Messages, oldest first' })
    await user.keyboard('r')
    await user.type(screen.getByLabelText('Your reply'), 'half a thought')
    await user.keyboard('{Escape}')
    expect(screen.queryByLabelText('Your reply')).toBeNull()
    await user.keyboard('{Escape}')
    expect(await screen.findByText('the queue')).toBeInTheDocument()
  })

  it('offers no request or closing once the case left the Inbox', async () => {
    answers({ [`GET ${PATH}`]: { ...CONVERSATION, in_inbox: false, case: { ...CONVERSATION.case, type: 'service_request' } } })
    const { user } = renderConversation()
    expect(await screen.findByText(/This conversation has left the Inbox \(Service request\)/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Turn into request (T)' })).toBeDisabled()
    await user.keyboard('t')
    expect(screen.queryByLabelText('Service')).toBeNull()
  })
})
