import createClient, { type Middleware } from 'openapi-fetch'
import i18n from '../i18n'
import type { paths } from './schema'
import { session } from './session'

export type { components, paths } from './schema'

/** Adds the signed-in agent's bearer token; a 401 on an authenticated call ends the session. */
const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    return request
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('Authorization')) session.clear()
    return response
  },
}

/** Asks for the UI language: the API answers the catalog (and Open311) in it, else its default. */
const language: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18n.language || 'en')
    return request
  },
}

/** The one way the SPA talks to the API: typed from openapi/openapi.json (`make client`). */
// fetch is looked up on each call (not captured once), so tests can stand in for the network.
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  fetch: (request) => globalThis.fetch(request),
})
api.use(auth, language)

/** An RFC 9457 problem, thrown by `unwrap` so TanStack Query sees a failure. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: { title?: string; detail?: string; errors?: { field: string; message: string }[] | null }

  constructor(status: number, problem: unknown) {
    const body = (problem ?? {}) as ApiError['problem']
    super(body.detail ?? body.title ?? `HTTP ${status}`)
    this.status = status
    this.problem = body
  }
}

type Result<T> = { data?: T; error?: unknown; response: Response }

/** The data of a successful call, or an ApiError. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call
  if (!response.ok || data === undefined) throw new ApiError(response.status, error)
  return data
}
