import { queryOptions } from '@tanstack/react-query'
import { api, ApiError, unwrap, type components } from '../client'

/** The residents' portal API (`/api/v1/public/…`): public views only, never personal data. */
type Schemas = components['schemas']
export type SearchResults = Schemas['SearchOut']
export type ArticleHit = Schemas['ArticleHit']
export type PublicArticle = Schemas['PublicArticleOut']
export type PortalService = Schemas['PublicServiceOut']
export type ServiceQuestion = Schemas['PublicAttributeOut']
export type PublicItem = Schemas['PublicRequestOut']
export type PublicDetail = Schemas['PublicRequestDetailOut']
export type AddressSuggestion = Schemas['AddressSuggestion']
export type Located = Schemas['LocateOut']
export type Referral = Schemas['ReferralOut']
export type Challenge = Schemas['ChallengeOut']
export type Proof = Schemas['ProofIn']
export type Submission = Schemas['PublicRequestIn']
export type Submitted = Schemas['PublicRequestCreated']
export type FollowIn = Schemas['FollowIn']
export type Contact = { first_name: string; last_name: string; email: string; phone: string }
export type Point = { lat: number; lon: number }
export type RequestFilter = { serviceCode: string; status: '' | 'open' | 'closed' }

/** A fresh key for one resident's action: a retry of the same action sends the same key. */
export const newIdempotencyKey = (): string => crypto.randomUUID()

export const portalKeys = {
  all: ['portal'] as const,
  search: (q: string, lang: string) => [...portalKeys.all, 'search', q, lang] as const,
  articles: (q: string, lang: string) => [...portalKeys.all, 'articles', q, lang] as const,
  article: (id: number, lang: string) => [...portalKeys.all, 'article', id, lang] as const,
  services: (lang: string) => [...portalKeys.all, 'services', lang] as const,
  service: (code: string, lang: string) => [...portalKeys.all, 'service', code, lang] as const,
  requests: (filter: RequestFilter, lang: string) => [...portalKeys.all, 'requests', filter, lang] as const,
  request: (number: string, lang: string) => [...portalKeys.all, 'request', number, lang] as const,
  nearby: (code: string, point: Point, lang: string) => [...portalKeys.all, 'nearby', code, point, lang] as const,
  addresses: (q: string) => [...portalKeys.all, 'addresses', q] as const,
  locate: (point: Point, code: string, lang: string) => [...portalKeys.all, 'locate', point, code, lang] as const,
}

export const portalQueries = {
  /** Public answers and services matching what the visitor typed, in their language. */
  search: (q: string, lang: string) =>
    queryOptions({
      queryKey: portalKeys.search(q, lang),
      queryFn: () => unwrap(api.GET('/api/v1/public/search', { params: { query: { q, lang } } })),
    }),
  articles: (q: string, lang: string) =>
    queryOptions({
      queryKey: portalKeys.articles(q, lang),
      queryFn: () => unwrap(api.GET('/api/v1/public/articles', { params: { query: { q: q || undefined, lang } } })),
    }),
  article: (id: number, lang: string) =>
    queryOptions({
      queryKey: portalKeys.article(id, lang),
      queryFn: () => unwrap(api.GET('/api/v1/public/articles/{article_id}', { params: { path: { article_id: id }, query: { lang } } })),
      retry: false,
    }),
  services: (lang: string) =>
    queryOptions({
      queryKey: portalKeys.services(lang),
      queryFn: () => unwrap(api.GET('/api/v1/public/services', { params: { query: { lang } } })),
      staleTime: 10 * 60_000,
    }),
  service: (code: string, lang: string) =>
    queryOptions({
      queryKey: portalKeys.service(code, lang),
      queryFn: () => unwrap(api.GET('/api/v1/public/services/{code}', { params: { path: { code }, query: { lang } } })),
      retry: false,
      // While the service comes in another language, the one on screen stays: the report form
      // (and what the resident typed in it) is not unmounted by a language switch.
      placeholderData: (previous) => (previous?.code === code ? previous : undefined),
    }),
  /** Requests of the last 90 days, public fields only, locations as the open-data rules say. */
  requests: (filter: RequestFilter, lang: string) =>
    queryOptions({
      queryKey: portalKeys.requests(filter, lang),
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/public/requests', {
            params: { query: { service_code: filter.serviceCode || undefined, status: filter.status || undefined, lang, limit: 500 } },
          }),
        ),
    }),
  request: (number: string, lang: string) =>
    queryOptions({
      queryKey: portalKeys.request(number, lang),
      queryFn: () => unwrap(api.GET('/api/v1/public/requests/{number}', { params: { path: { number }, query: { lang } } })),
      retry: false,
    }),
  /** Open requests of the same service near the point: "Is it one of these?" */
  nearby: (code: string, point: Point, lang: string) =>
    queryOptions({
      queryKey: portalKeys.nearby(code, point, lang),
      queryFn: () => unwrap(api.GET('/api/v1/public/requests/nearby', { params: { query: { service_code: code, lat: point.lat, lon: point.lon, lang } } })),
    }),
  addresses: (q: string) =>
    queryOptions({
      queryKey: portalKeys.addresses(q),
      queryFn: () => unwrap(api.GET('/api/v1/public/addresses', { params: { query: { q } } })),
      staleTime: 60_000,
    }),
  /** Whether the city serves the point, and whom to contact when it does not. */
  locate: (point: Point, code: string, lang: string) =>
    queryOptions({
      queryKey: portalKeys.locate(point, code, lang),
      queryFn: () =>
        unwrap(api.GET('/api/v1/public/locate', { params: { query: { lat: point.lat, lon: point.lon, service_code: code || undefined, lang } } })),
    }),
}

/** The writes: each is one call the pages make on the resident's action. */
export const portalWrites = {
  challenge: () => unwrap(api.GET('/api/v1/public/challenge')),
  submit: (body: Submission, idempotencyKey: string) =>
    unwrap(api.POST('/api/v1/public/requests', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
  photo: (number: string, uploadToken: string, file: Blob) =>
    unwrap(
      api.POST('/api/v1/public/requests/{number}/photos', {
        params: { path: { number }, header: { 'X-Upload-Token': uploadToken, 'Idempotency-Key': newIdempotencyKey() } },
        body: { file: '' },
        bodySerializer: () => {
          const form = new FormData()
          form.append('file', file, 'photo.jpg')
          return form
        },
      }),
    ),
  follow: (number: string, body: FollowIn, idempotencyKey: string) =>
    unwrap(api.POST('/api/v1/public/requests/{number}/followers', { params: { path: { number }, header: { 'Idempotency-Key': idempotencyKey } }, body })),
  confirmFollow: (token: string) =>
    unwrap(api.POST('/api/v1/public/followers/confirm', { params: { header: { 'Idempotency-Key': newIdempotencyKey() } }, body: { token } })),
  feedback: async (id: number, helpful: boolean) => {
    const { response, error } = await api.POST('/api/v1/public/articles/{article_id}/feedback', {
      params: { path: { article_id: id }, header: { 'Idempotency-Key': newIdempotencyKey() } },
      body: { helpful },
    })
    if (!response.ok) throw new ApiError(response.status, error)
  },
}
