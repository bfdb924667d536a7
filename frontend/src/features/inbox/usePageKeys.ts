import { useEffect, useRef } from 'react'
import { isPlain, isTyping } from '../../shared/keys'

/** An action answers false when the key is not for it here: the key then does what it does. */
export type KeyActions = Partial<Record<string, () => boolean | void>>

/**
 * The Inbox's own single-key shortcuts, beside the app's (`?`, `/`, `n`): none fires while
 * typing in a field, except Escape, which leaves a form (not from the address box: there it
 * closes the list of suggestions).
 */
export function usePageKeys(actions: KeyActions) {
  const latest = useRef(actions)
  useEffect(() => {
    latest.current = actions
  })
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || !isPlain(event) || document.querySelector('[role="dialog"]')) return
      const escape = event.key === 'Escape'
      if (escape && event.target instanceof HTMLElement && event.target.getAttribute('role') === 'combobox') return
      if (!escape && isTyping(event.target, event.key)) return
      const action = latest.current[escape ? 'Escape' : event.key.length === 1 ? event.key.toLowerCase() : event.key]
      if (!action || action() === false) return
      event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
}
