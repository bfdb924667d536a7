import { vi } from 'vitest'

/** What a fake endpoint answers: a JSON body (status 200) or a full description. */
export type Reply = unknown | { status: number; body?: unknown; headers?: Record<string, string> }
export type Handler = (request: Request, url: URL) => Reply | Promise<Reply>

export type Call = { method: string; path: string; url: URL; body: unknown; request: Request }

function isFull(reply: unknown): reply is { status: number; body?: unknown; headers?: Record<string, string> } {
  return typeof reply === 'object' && reply !== null && 'status' in reply && typeof (reply as { status: unknown }).status === 'number' && Object.keys(reply).every((key) => ['status', 'body', 'headers'].includes(key))
}

/** What every screen reads (dates in the city's time zone); a test may answer otherwise. */
export const CITY_TIME_ZONE = 'America/New_York'
const EVERY_SCREEN: Record<string, Reply> = { 'GET /api/v1/site': { time_zone: CITY_TIME_ZONE } }

/**
 * Stands in for the API over `fetch`: handlers keyed by "METHOD /path" (no query string).
 * Unknown routes answer 404 and fail the test loudly through `unhandled`. Returns the calls made.
 */
export function mockApi(given: Record<string, Reply | Handler>) {
  const handlers = { ...EVERY_SCREEN, ...given }
  const calls: Call[] = []
  const unhandled: string[] = []
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init)
    const url = new URL(request.url, 'http://localhost')
    const key = `${request.method} ${url.pathname}`
    const text = request.method === 'GET' ? '' : await request.clone().text()
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      body = text
    }
    calls.push({ method: request.method, path: url.pathname, url, body, request })
    if (!(key in handlers)) {
      unhandled.push(key)
      return new Response(JSON.stringify({ title: 'Not found', status: 404 }), { status: 404 })
    }
    const handler = handlers[key]
    const reply = typeof handler === 'function' ? await (handler as Handler)(request, url) : handler
    const full = isFull(reply) ? reply : { status: 200, body: reply }
    const headers = { 'Content-Type': 'application/json', ...full.headers }
    // A text body (such as CSV) goes as it is; anything else as JSON.
    const raw = typeof full.body === 'string' && !headers['Content-Type'].includes('json')
    const payload = full.status === 204 || full.status === 304 ? null : raw ? (full.body as string) : JSON.stringify(full.body ?? null)
    return new Response(payload, { status: full.status, headers })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { calls, unhandled, fetchMock }
}
