import { useEffect, useRef } from 'react'
import { useNavigate } from 'react-router'
import { focusSearch, isPlain, isSave, isTyping, submitForm } from '../../shared/keys'

export const NEW_CONTACT_PATH = '/intake'

type Options = { canTakeContacts: boolean; helpOpen: boolean; onHelp: () => void }

/**
 * The agent's keyboard shortcuts, on every signed-in screen: `?` this help, `n` a new contact,
 * `/` the page's search, Ctrl+Enter (⌘+Enter) save. The single keys never fire while typing
 * in a field (`?` and `/` do on a select, which has no use for them); save does, as that is
 * where an agent finishes.
 */
export function useShortcuts({ canTakeContacts, helpOpen, onHelp }: Options) {
  const navigate = useNavigate()
  const latest = useRef({ canTakeContacts, helpOpen, onHelp, navigate })
  useEffect(() => {
    latest.current = { canTakeContacts, helpOpen, onHelp, navigate }
  })

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const { canTakeContacts, helpOpen, onHelp, navigate } = latest.current
      if (helpOpen || event.defaultPrevented) return
      if (isSave(event)) {
        if (submitForm(event.target)) event.preventDefault()
        return
      }
      if (!isPlain(event) || isTyping(event.target, event.key)) return
      const actions: Record<string, () => boolean> = {
        '?': () => (onHelp(), true),
        '/': focusSearch,
        n: () => canTakeContacts && (navigate(NEW_CONTACT_PATH, { state: { newContact: Date.now() } }), true),
      }
      if (actions[event.key.toLowerCase()]?.()) event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
}
