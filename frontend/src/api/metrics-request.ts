import { api, ApiError, unwrap } from './client'

export type QueryParams = Record<string, string | number | undefined>

// The metrics paths are checked by the generated client once it knows them; until then the
// one loose call is here.
type LooseGet = (
  path: string,
  init: { params: { query: QueryParams }; headers?: Record<string, string>; parseAs?: 'json' | 'blob' },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>
const get = api.GET as unknown as LooseGet

/** A metrics answer as JSON (through the API client: token, language, problems as ApiError). */
export function getJson<T>(path: string, query: QueryParams): Promise<T> {
  return unwrap(get(path, { params: { query } })) as Promise<T>
}

/** The same answer as the API writes it in CSV (`Accept: text/csv`), byte for byte. */
export async function getCsv(path: string, query: QueryParams): Promise<Blob> {
  const { data, error, response } = await get(path, { params: { query }, headers: { Accept: 'text/csv' }, parseAs: 'blob' })
  if (!response.ok || data === undefined) throw new ApiError(response.status, error)
  return data as Blob
}
