/**
 * The access token of the signed-in agent, kept in sessionStorage (one tab, gone when it closes).
 * Components subscribe to sign-in and sign-out through `subscribe`.
 */
const KEY = 'frontdoor.token'
type Listener = () => void
const listeners = new Set<Listener>()

function notify(): void {
  listeners.forEach((listener) => listener())
}

export const session = {
  token(): string | null {
    return sessionStorage.getItem(KEY)
  },
  start(token: string): void {
    sessionStorage.setItem(KEY, token)
    notify()
  },
  clear(): void {
    if (sessionStorage.getItem(KEY) === null) return
    sessionStorage.removeItem(KEY)
    notify()
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}
