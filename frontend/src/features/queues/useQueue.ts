import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { api, ApiError, type components } from '../../api/client'

export type ServiceRequest = components['schemas']['ServiceRequestOut']
export type Status = components['schemas']['Status']

export const OPEN_STATUSES: readonly Status[] = ['new', 'acknowledged', 'in_progress', 'on_hold']
export const POLL_MS = 30_000
export const QUEUE_PAGE = 100

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

/** One page of the list: where it starts, what it holds, where the next starts, and its ETag. */
export type QueuePage = { cursor: string | null; items: ServiceRequest[]; next: string | null; etag: string | null }
type Pages = InfiniteData<QueuePage, string | null>

export function queueKey(query: QueueQuery) {
  return ['requests', 'queue', query] as const
}

async function fetchPage(query: QueueQuery, cursor: string | null, previous: QueuePage | undefined): Promise<QueuePage> {
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

/**
 * A queue of requests, newest first, a page at a time ("Show more" loads the next one).
 *
 * Every 30 s the pages on screen are fetched again in order, each from the cursor the page
 * before it now ends at, so a request that moved between pages is neither lost nor shown
 * twice. Each page is a conditional GET: a page that did not change answers 304 with no body.
 */
export function useQueue(query: QueueQuery, enabled = true) {
  const client = useQueryClient()
  const key = queueKey(query)
  return useInfiniteQuery({
    queryKey: key,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const cached = client.getQueryData<Pages>(key)
      return fetchPage(query, pageParam, cached?.pages.find((page) => page.cursor === pageParam))
    },
    getNextPageParam: (last) => last.next,
    enabled,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  })
}
