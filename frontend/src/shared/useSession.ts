import { useSyncExternalStore } from 'react'
import { session } from '../api/session'

/** The current access token, re-rendering on sign-in and sign-out. */
export function useSession(): string | null {
  return useSyncExternalStore(session.subscribe, session.token)
}
