import { fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import i18n from '../../i18n'
import { ShortcutsHelp } from './ShortcutsHelp'

const onSave = vi.fn((event: { preventDefault: () => void }) => event.preventDefault())

function Page() {
  return (
    <form data-shortcut="save" onSubmit={onSave}>
      <label htmlFor="notes">Notes</label>
      <textarea id="notes" />
      <label htmlFor="search">Search</label>
      <input id="search" type="search" data-shortcut="search" />
      <button type="button">Elsewhere</button>
    </form>
  )
}

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>
}

function setup(canTakeContacts = true) {
  const user = userEvent.setup()
  render(
    <MemoryRouter initialEntries={['/queues']}>
      <ShortcutsHelp canTakeContacts={canTakeContacts} />
      <Routes>
        <Route path="*" element={<Page />} />
      </Routes>
      <Where />
    </MemoryRouter>,
  )
  return user
}

describe('keyboard shortcuts', () => {
  beforeEach(() => {
    onSave.mockClear()
  })

  it('? lists them in a dialog that keeps the focus, and Escape gives it back', async () => {
    const user = setup()
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' })
    elsewhere.focus()
    await user.keyboard('?')
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    const close = within(dialog).getByRole('button', { name: 'Close' })
    expect(close).toHaveFocus()
    const rows = within(dialog).getAllByRole('row').map((row) => row.textContent)
    expect(rows).toEqual(['KeyWhat it does', 'NStart a new contact', 'JInbox: next conversation (or ↓; Enter opens it)', 'KInbox: previous conversation (or ↑)', 'RIn a conversation: reply', 'TIn a conversation: turn it into a service request', 'CIn a conversation: close it as information (Esc leaves a form, then goes back)', "/Go to this page's search box", 'Ctrl + EnterSave: log the contact, or send the form you are in', '?Show these shortcuts', 'EscClose this list'])
    await user.keyboard('{Tab}')
    expect(close).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(elsewhere).toHaveFocus()
  })

  it('the header button opens the same list, and Close closes it', async () => {
    const user = setup()
    await user.click(screen.getByRole('button', { name: 'Shortcuts' }))
    await user.click(screen.getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('single keys are typed, not run, in a text field', async () => {
    const user = setup()
    await user.click(screen.getByLabelText('Notes'))
    await user.keyboard('n?/')
    expect(screen.getByLabelText('Notes')).toHaveValue('n?/')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByTestId('where')).toHaveTextContent('/queues')
  })

  it('a select keeps its letters for jumping to an option, but not ? and /', async () => {
    const user = setup()
    const select = document.createElement('select')
    select.innerHTML = '<option>Phone</option><option>Not listed</option>'
    document.body.append(select)
    select.focus()
    await user.keyboard('n')
    expect(screen.getByTestId('where')).toHaveTextContent('/queues')
    await user.keyboard('?')
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument()
    select.remove()
  })

  it('/ goes to the search box and n to a new contact', async () => {
    const user = setup()
    screen.getByRole('button', { name: 'Elsewhere' }).focus()
    await user.keyboard('/')
    expect(screen.getByLabelText('Search')).toHaveFocus()
    expect(screen.getByLabelText('Search')).toHaveValue('')
    screen.getByRole('button', { name: 'Elsewhere' }).focus()
    await user.keyboard('n')
    expect(screen.getByTestId('where')).toHaveTextContent('/intake')
  })

  it('Ctrl+Enter saves, from inside a field too', async () => {
    const user = setup()
    await user.click(screen.getByLabelText('Notes'))
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(onSave).toHaveBeenCalledTimes(1)
    fireEvent.keyDown(document.body, { key: 'Enter', metaKey: true })
    expect(onSave).toHaveBeenCalledTimes(2)
  })

  it('staff, who take no contacts, get no new-contact key', async () => {
    const user = setup(false)
    screen.getByRole('button', { name: 'Elsewhere' }).focus()
    await user.keyboard('n')
    expect(screen.getByTestId('where')).toHaveTextContent('/queues')
    await user.keyboard('?')
    expect(within(screen.getByRole('dialog')).queryByText('Start a new contact')).not.toBeInTheDocument()
  })

  it('speaks Spanish', async () => {
    await i18n.changeLanguage('es')
    const user = setup()
    await user.click(screen.getByRole('button', { name: 'Atajos' }))
    const dialog = screen.getByRole('dialog', { name: 'Atajos de teclado' })
    expect(within(dialog).getByText('Empezar un contacto nuevo')).toBeInTheDocument()
    expect(within(dialog).getByText('Intro')).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Cerrar' })).toHaveFocus()
  })
})
