import { infiniteQueryOptions, queryOptions, type InfiniteData } from '@tanstack/react-query'
import { api, ApiError, unwrap, type components } from '../client'
import type { Point } from './jurisdictions'

export type ServiceRequest = components['schemas']['ServiceRequestOut']
export type Status = components['schemas']['Status']

/** The request and the ETag it came with: every change sends it back in If-Match. */
export type RequestSnapshot = { request: ServiceRequest; etag: string }
export type RequestAnswer = { data?: ServiceRequest; error?: unknown; response: Response }

export type QueueQuery = {
  department?: string
  assignee?: string
  statuses: readonly Status[]
  service?: string
  overdue?: boolean
  dueSoon?: boolean
  q?: string
  /** `<layer>:<code>`: only requests in that area. */
  area?: string
}

/** One page of a queue: where it starts, what it holds, where the next starts, and its ETag. */
export type QueuePage = { cursor: string | null; items: ServiceRequest[]; next: string | null; etag: string | null }
type QueuePages = InfiniteData<QueuePage, string | null>

export const QUEUE_PAGE = 100

export function requestSnapshotOf({ data, error, response }: RequestAnswer): RequestSnapshot {
  if (!response.ok || !data) throw new ApiError(response.status, error)
  return { request: data, etag: response.headers.get('ETag') ?? `"v${data.version}"` }
}

export const requestKeys = {
  all: ['requests'] as const,
  queues: () => [...requestKeys.all, 'queue'] as const,
  queue: (query: QueueQuery) => [...requestKeys.queues(), query] as const,
  detail: (id: string) => [...requestKeys.all, 'detail', id] as const,
  timeline: (id: string) => [...requestKeys.all, 'timeline', id] as const,
  linkedAll: () => [...requestKeys.all, 'linked'] as const,
  linked: (id: string) => [...requestKeys.linkedAll(), id] as const,
  photos: (id: string) => [...requestKeys.all, 'photos', id] as const,
  nearby: (point: Point | null, serviceCode: string | null, limit: number) => [...requestKeys.all, 'nearby', point, serviceCode, limit] as const,
}

async function fetchQueuePage(query: QueueQuery, cursor: string | null, previous: QueuePage | undefined): Promise<QueuePage> {
  const { data, error, response } = await api.GET('/api/v1/requests', {
    params: {
      query: {
        department: query.department,
        assignee: query.assignee,
        status: query.statuses.length ? [...query.statuses] : undefined,
        service_code: query.service ? [query.service] : undefined,
        overdue: query.overdue || undefined,
        due_soon: query.dueSoon || undefined,
        q: query.q || undefined,
        area: query.area,
        limit: QUEUE_PAGE,
        cursor: cursor ?? undefined,
      },
      header: previous?.etag ? { 'if-none-match': previous.etag } : undefined,
    },
  })
  if (response.status === 304 && previous) return previous
  if (!response.ok || !data) throw new ApiError(response.status, error)
  return { cursor, items: data.items, next: data.next_cursor, etag: response.headers.get('ETag') }
}

export const requestQueries = {
  /**
   * A queue, a page at a time. Each page is a conditional GET against the page cached from the
   * same cursor: a page that did not change answers 304 with no body.
   */
  queue: (query: QueueQuery) =>
    infiniteQueryOptions({
      queryKey: requestKeys.queue(query),
      initialPageParam: null as string | null,
      queryFn: ({ pageParam, client, queryKey }) => {
        const cached = client.getQueryData<QueuePages>(queryKey)
        return fetchQueuePage(query, pageParam, cached?.pages.find((page) => page.cursor === pageParam))
      },
      getNextPageParam: (last) => last.next,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: requestKeys.detail(id),
      queryFn: async () => requestSnapshotOf(await api.GET('/api/v1/requests/{request_id}', { params: { path: { request_id: id } } })),
    }),
  timeline: (id: string) =>
    queryOptions({
      queryKey: requestKeys.timeline(id),
      queryFn: () => unwrap(api.GET('/api/v1/requests/{request_id}/timeline', { params: { path: { request_id: id } } })),
    }),
  /** The request it was merged into, and the requests merged into it with their reporters. */
  linked: (id: string) =>
    queryOptions({
      queryKey: requestKeys.linked(id),
      queryFn: () => unwrap(api.GET('/api/v1/requests/{request_id}/linked', { params: { path: { request_id: id } } })),
    }),
  photos: (id: string) =>
    queryOptions({
      queryKey: requestKeys.photos(id),
      queryFn: () => unwrap(api.GET('/api/v1/requests/{request_id}/photos', { params: { path: { request_id: id } } })),
    }),
  /** Open requests for the same service near a point: likely duplicates. */
  nearby: (point: Point | null, serviceCode: string | null, limit: number) =>
    queryOptions({
      queryKey: requestKeys.nearby(point, serviceCode, limit),
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/requests/nearby', {
            params: { query: { lat: point!.lat, long: point!.long, service_code: serviceCode!, limit } },
          }),
        ),
    }),
}
