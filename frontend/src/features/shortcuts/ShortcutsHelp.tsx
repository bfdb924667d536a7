import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useShortcuts } from './useShortcuts'
import './shortcuts.css'

type Shortcut = { keys: string[]; action: string }

/** The Inbox's own keys (src/features/inbox): moving in the queue, and acting on a conversation. */
const INBOX_SHORTCUTS: Shortcut[] = [
  { keys: ['J'], action: 'inboxNext' },
  { keys: ['K'], action: 'inboxPrevious' },
  { keys: ['R'], action: 'inboxReply' },
  { keys: ['T'], action: 'inboxRequest' },
  { keys: ['C'], action: 'inboxClose' },
]

function shortcutsFor(canTakeContacts: boolean): Shortcut[] {
  return [
    ...(canTakeContacts ? [{ keys: ['N'], action: 'newContact' }] : []),
    ...(canTakeContacts ? INBOX_SHORTCUTS : []),
    { keys: ['/'], action: 'search' },
    { keys: ['Ctrl', 'Enter'], action: 'save' },
    { keys: ['?'], action: 'help' },
    { keys: ['Esc'], action: 'close' },
  ]
}

/**
 * The keyboard shortcuts and their help: a header button and the `?` key open a modal dialog
 * that lists them (focus kept inside, Escape or Close returns it where it was).
 */
export function ShortcutsHelp({ canTakeContacts }: { canTakeContacts: boolean }) {
  const { t } = useTranslation('shortcuts')
  const [open, setOpen] = useState(false)
  useShortcuts({ canTakeContacts, helpOpen: open, onHelp: () => setOpen(true) })
  return (
    <>
      <button type="button" className="shortcuts-button" aria-keyshortcuts="?" onClick={() => setOpen(true)}>
        {t('button')}
      </button>
      {open && <HelpDialog shortcuts={shortcutsFor(canTakeContacts)} onClose={() => setOpen(false)} />}
    </>
  )
}

function HelpDialog({ shortcuts, onClose }: { shortcuts: Shortcut[]; onClose: () => void }) {
  const { t } = useTranslation('shortcuts')
  const id = useId()
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    close.current?.focus()
    return () => before?.focus()
  }, [])

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault()
      onClose()
    } else if (event.key === 'Tab') {
      event.preventDefault() // the Close button is the dialog's one control: focus stays on it
      close.current?.focus()
    }
  }

  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} className="dialog" onKeyDown={onKeyDown}>
        <h2 id={`${id}-title`}>{t('title')}</h2>
        <table className="shortcuts">
          <caption className="muted">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('key')}</th>
              <th scope="col">{t('action')}</th>
            </tr>
          </thead>
          <tbody>
            {shortcuts.map(({ keys, action }) => (
              <tr key={action}>
                <td>
                  {keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 && ' + '}
                      <kbd>{t(`keys.${key}`, { defaultValue: key })}</kbd>
                    </span>
                  ))}
                </td>
                <td>{t(`actions.${action}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={close} type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  )
}
