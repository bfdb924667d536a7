import { useQuery, useQueryClient } from '@tanstack/react-query'
import { api, ApiError, type components } from '../../api/client'

export type ServiceRequest = components['schemas']['ServiceRequestOut']
export type Status = components['schemas']['Status']

export const OPEN_STATUSES: readonly Status[] = ['new', 'acknowledged', 'in_progress', 'on_hold']
export const POLL_MS = 30_000
export const QUEUE_LIMIT = 200

export type QueueQuery = {
  department?: string
  assignee?: string
  statuses: readonly Status[]
  service?: string
  overdue?: boolean
  q?: string
}

/** The list and the ETag it came with, so the next poll can ask "changed since?". */
export type QueueSnapshot = { items: ServiceRequest[]; more: boolean; etag: string | null }

export function queueKey(query: QueueQuery) {
  return ['requests', 'queue', query] as const
}

async function fetchQueue(query: QueueQuery, previous: QueueSnapshot | undefined): Promise<QueueSnapshot> {
  const { data, error, response } = await api.GET('/api/v1/requests', {
    params: {
      query: {
        department: query.department,
        assignee: query.assignee,
        status: query.statuses.length ? [...query.statuses] : undefined,
        service_code: query.service ? [query.service] : undefined,
        overdue: query.overdue || undefined,
        q: query.q || undefined,
        limit: QUEUE_LIMIT,
      },
      header: previous?.etag ? { 'if-none-match': previous.etag } : undefined,
    },
  })
  if (response.status === 304 && previous) return previous
  if (!response.ok || !data) throw new ApiError(response.status, error)
  return { items: data.items, more: data.next_cursor !== null, etag: response.headers.get('ETag') }
}

/**
 * A queue of requests, polled every 30 s with a conditional GET: while nothing changed the API
 * answers 304 with no body and the list on screen stays as it is.
 */
export function useQueue(query: QueueQuery, enabled = true) {
  const client = useQueryClient()
  const key = queueKey(query)
  return useQuery({
    queryKey: key,
    queryFn: () => fetchQueue(query, client.getQueryData<QueueSnapshot>(key)),
    enabled,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  })
}
