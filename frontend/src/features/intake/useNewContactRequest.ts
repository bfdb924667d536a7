import { useEffect, useRef } from 'react'
import { useLocation } from 'react-router'

/**
 * Runs `onNew` when the agent asks for a new contact while this page is already open (the `n`
 * shortcut, or the "New contact" link): each such navigation is a new location, same path.
 */
export function useNewContactRequest(onNew: () => void) {
  const { key } = useLocation()
  const seen = useRef(key)
  const latest = useRef(onNew)
  useEffect(() => {
    latest.current = onNew
  })
  useEffect(() => {
    if (key === seen.current) return
    seen.current = key
    latest.current()
  }, [key])
}
