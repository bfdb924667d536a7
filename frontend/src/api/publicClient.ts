import i18n from '../i18n'
import { ApiError } from './client'

type Query = Record<string, string | number | boolean | null | undefined>
type Options = { query?: Query; body?: unknown; headers?: Record<string, string> }

/** The visitor's language, sent with every public call so answers and emails follow it. */
export function visitorLanguage(): 'en' | 'es' {
  return i18n.language?.startsWith('es') ? 'es' : 'en'
}

function urlOf(path: string, query: Query = {}): string {
  const url = new URL(path, globalThis.location?.origin ?? 'http://localhost')
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value))
  return url.toString()
}

/**
 * A call to the residents' API (`/api/v1/public/…`): never a bearer token or a cookie, so a
 * signed-in agent's session is neither sent nor ended from a public page. Failures are ApiError.
 */
export async function publicCall<T>(method: 'GET' | 'POST', path: string, { query, body, headers = {} }: Options = {}): Promise<T> {
  const isForm = body instanceof FormData
  const response = await globalThis.fetch(
    new Request(urlOf(path, { ...query, lang: visitorLanguage() }), {
      method,
      credentials: 'omit',
      headers: {
        'Accept-Language': visitorLanguage(),
        ...(body !== undefined && !isForm ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    }),
  )
  const text = await response.text()
  let payload: unknown = undefined
  try {
    payload = text ? JSON.parse(text) : undefined
  } catch {
    payload = undefined
  }
  if (!response.ok) throw new ApiError(response.status, payload)
  return payload as T
}
