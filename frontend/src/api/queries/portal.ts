import { queryOptions } from '@tanstack/react-query'
import { publicCall } from '../publicClient'

/** The residents' portal API (`/api/v1/public/…`, docs/PORTAL_API): public views only, no personal data. */
export type ArticleHit = { id: number; title: string; snippet: string }
export type ServiceHit = { code: string; name: string; description: string | null; group: string | null }
export type SearchResults = { articles: ArticleHit[]; services: ServiceHit[] }
export type PublicArticle = { id: number; title: string; body: string; language: string; updated_at: string; service_codes: string[] }
export type AttributeOption = { key: string; name: string }
export type Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist'
export type ServiceQuestion = {
  code: string
  datatype: Datatype
  required: boolean
  description: string
  order: number
  datatype_description: string | null
  values: AttributeOption[]
}
export type PortalService = ServiceHit & { popular_rank: number | null; anonymous_allowed: boolean; attributes: ServiceQuestion[] }
export type PublicItem = {
  number: string
  service_code: string
  service_name: string
  status: string
  requested_at: string
  updated_at: string | null
  lat: number | null
  lon: number | null
  address: string | null
  description: string | null
}
export type PublicDetail = PublicItem & { expected_at: string | null; notes: { at: string; status: string | null; text: string | null }[] }
export type AddressSuggestion = { label: string; lat: number; lon: number }
export type Referral = { name: string; phone: string | null; url: string | null; email: string | null; note: string | null }
export type Located = { served: boolean; address: string | null; referral: Referral | null }
export type Point = { lat: number; lon: number }
export type RequestFilter = { serviceCode: string; status: '' | 'open' | 'closed' }
export type Challenge = { token: string; difficulty: number }
export type Proof = { token: string; nonce: string }
export type Contact = { first_name: string; last_name: string; email: string; phone: string }
export type Submission = {
  service_code: string
  attributes: Record<string, string | number | string[]>
  description: string
  lat: number | null
  lon: number | null
  address: string | null
  contact: Contact | null
  language: string
  consent: boolean
  proof: Proof
  website: string
  started_at: string
}
export type Submitted = { number: string; expected_at: string | null; follow_url: string; upload_token: string }
export type FollowIn = { email: string; language: string; proof: Proof; website: string; started_at: string }

const BASE = '/api/v1/public'

export const portalKeys = {
  all: ['portal'] as const,
  search: (q: string, lang: string) => [...portalKeys.all, 'search', q, lang] as const,
  articles: (q: string, lang: string) => [...portalKeys.all, 'articles', q, lang] as const,
  article: (id: number, lang: string) => [...portalKeys.all, 'article', id, lang] as const,
  services: (lang: string) => [...portalKeys.all, 'services', lang] as const,
  service: (code: string, lang: string) => [...portalKeys.all, 'service', code, lang] as const,
  requests: (filter: RequestFilter, lang: string) => [...portalKeys.all, 'requests', filter, lang] as const,
  request: (number: string, lang: string) => [...portalKeys.all, 'request', number, lang] as const,
  nearby: (code: string, point: Point) => [...portalKeys.all, 'nearby', code, point] as const,
  addresses: (q: string) => [...portalKeys.all, 'addresses', q] as const,
  locate: (point: Point, lang: string) => [...portalKeys.all, 'locate', point, lang] as const,
}

export const portalQueries = {
  /** Public answers and services matching what the visitor typed, in their language. */
  search: (q: string, lang: string) =>
    queryOptions({ queryKey: portalKeys.search(q, lang), queryFn: () => publicCall<SearchResults>('GET', `${BASE}/search`, { query: { q } }) }),
  articles: (q: string, lang: string) =>
    queryOptions({ queryKey: portalKeys.articles(q, lang), queryFn: () => publicCall<ArticleHit[]>('GET', `${BASE}/articles`, { query: { q } }) }),
  article: (id: number, lang: string) =>
    queryOptions({ queryKey: portalKeys.article(id, lang), queryFn: () => publicCall<PublicArticle>('GET', `${BASE}/articles/${id}`), retry: false }),
  services: (lang: string) =>
    queryOptions({ queryKey: portalKeys.services(lang), queryFn: () => publicCall<PortalService[]>('GET', `${BASE}/services`), staleTime: 10 * 60_000 }),
  service: (code: string, lang: string) =>
    queryOptions({
      queryKey: portalKeys.service(code, lang),
      queryFn: () => publicCall<PortalService>('GET', `${BASE}/services/${encodeURIComponent(code)}`),
      retry: false,
    }),
  /** Requests of the last 90 days, public fields only, locations as the open-data rules say. */
  requests: (filter: RequestFilter, lang: string) =>
    queryOptions({
      queryKey: portalKeys.requests(filter, lang),
      queryFn: () => publicCall<PublicItem[]>('GET', `${BASE}/requests`, { query: { service_code: filter.serviceCode, status: filter.status, limit: 500 } }),
    }),
  request: (number: string, lang: string) =>
    queryOptions({
      queryKey: portalKeys.request(number, lang),
      queryFn: () => publicCall<PublicDetail>('GET', `${BASE}/requests/${encodeURIComponent(number)}`),
      retry: false,
    }),
  /** Open requests of the same service near the point: "Is it one of these?" */
  nearby: (code: string, point: Point) =>
    queryOptions({
      queryKey: portalKeys.nearby(code, point),
      queryFn: () => publicCall<PublicItem[]>('GET', `${BASE}/requests/nearby`, { query: { service_code: code, lat: point.lat, lon: point.lon } }),
    }),
  addresses: (q: string) =>
    queryOptions({ queryKey: portalKeys.addresses(q), queryFn: () => publicCall<AddressSuggestion[]>('GET', `${BASE}/addresses`, { query: { q } }), staleTime: 60_000 }),
  /** Whether the city serves the point, and whom to contact when it does not. */
  locate: (point: Point, lang: string) =>
    queryOptions({ queryKey: portalKeys.locate(point, lang), queryFn: () => publicCall<Located>('GET', `${BASE}/locate`, { query: { lat: point.lat, lon: point.lon } }) }),
}

/** The writes: each is one call the pages make on the resident's action. */
export const portalWrites = {
  challenge: () => publicCall<Challenge>('GET', `${BASE}/challenge`),
  submit: (body: Submission, idempotencyKey: string) =>
    publicCall<Submitted>('POST', `${BASE}/requests`, { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  photo: (number: string, uploadToken: string, file: Blob) => {
    const form = new FormData()
    form.append('file', file, 'photo.jpg')
    return publicCall<unknown>('POST', `${BASE}/requests/${encodeURIComponent(number)}/photos`, { body: form, headers: { 'X-Upload-Token': uploadToken } })
  },
  follow: (number: string, body: FollowIn) => publicCall<unknown>('POST', `${BASE}/requests/${encodeURIComponent(number)}/followers`, { body }),
  confirmFollow: (token: string) => publicCall<{ number: string }>('POST', `${BASE}/followers/confirm`, { body: { token } }),
  feedback: (id: number, helpful: boolean) => publicCall<unknown>('POST', `${BASE}/articles/${id}/feedback`, { body: { helpful } }),
}
