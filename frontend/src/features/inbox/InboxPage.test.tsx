import { screen, within } from '@testing-library/react'
import { Route, Routes } from 'react-router'
import i18n from '../../i18n'
import { mockApi } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { InboxPage } from './InboxPage'
import { CASE_ID, ITEMS } from './testData'

const LIST = { items: ITEMS, total: 2, unread_total: 2, limit: 100, offset: 0 }

function renderInbox() {
  return renderWithProviders(
    <Routes>
      <Route path="/inbox" element={<InboxPage />} />
      <Route path="/inbox/:caseId" element={<p>conversation page</p>} />
    </Routes>,
    { path: '/inbox' },
  )
}

describe('InboxPage', () => {
  it('lists the waiting conversations with their unread counts and who wrote', async () => {
    mockApi({ 'GET /api/v1/inbox': LIST })
    renderInbox()
    const list = await screen.findByRole('list', { name: /Conversations waiting/ })
    const [first, second] = within(list).getAllByRole('listitem')
    expect(within(first!).getByRole('link', { name: 'Pothole on Holliday' })).toHaveAttribute('href', `/inbox/${CASE_ID}`)
    expect(first).toHaveTextContent('2 unread')
    expect(first).toHaveTextContent('Ana Ruiz <ana@example.net>')
    expect(first).toHaveTextContent('C-7F0C2A4E1B2C')
    expect(second).toHaveTextContent('Text message · 4105550123')
    expect(second).not.toHaveTextContent('unread')
    expect(screen.getByText('2 conversations waiting, 2 unread messages.')).toBeInTheDocument()
  })

  it('moves with J and K and opens with Enter', async () => {
    mockApi({ 'GET /api/v1/inbox': LIST })
    const { user } = renderInbox()
    await screen.findByRole('link', { name: 'Pothole on Holliday' })
    await user.keyboard('j')
    expect(screen.getByRole('link', { name: 'Trash not picked up' })).toHaveFocus()
    await user.keyboard('k')
    expect(screen.getByRole('link', { name: 'Pothole on Holliday' })).toHaveFocus()
    await user.keyboard('{ArrowDown}{ArrowUp}{Enter}')
    expect(await screen.findByText('conversation page')).toBeInTheDocument()
  })

  it('asks the API for one channel or the unread only', async () => {
    const api = mockApi({ 'GET /api/v1/inbox': LIST })
    const { user } = renderInbox()
    await screen.findByRole('link', { name: 'Pothole on Holliday' })
    await user.selectOptions(screen.getByLabelText('Channel'), 'email')
    await user.click(screen.getByLabelText('Unread only'))
    const last = api.calls.filter((call) => call.path === '/api/v1/inbox').at(-1)!
    expect(Object.fromEntries(last.url.searchParams)).toEqual({ channel: 'email', unread: 'true', limit: '100' })
  })

  it('says when only the first page of a long Inbox is listed', async () => {
    mockApi({ 'GET /api/v1/inbox': { ...LIST, total: 150, unread_total: 170 } })
    renderInbox()
    expect(await screen.findByText(/150 conversations waiting, 170 unread messages\. The 2 with the latest activity are listed/)).toBeInTheDocument()
  })

  it('says when nothing waits, in Spanish too', async () => {
    await i18n.changeLanguage('es')
    mockApi({ 'GET /api/v1/inbox': { ...LIST, items: [], total: 0, unread_total: 0 } })
    renderInbox()
    expect(await screen.findByText('No hay nada en espera en la bandeja.')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Bandeja de entrada' })).toBeInTheDocument()
  })
})
