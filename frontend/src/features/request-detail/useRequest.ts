import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, ApiError, unwrap, type components } from '../../api/client'

export type ServiceRequest = components['schemas']['ServiceRequestOut']
export type Status = components['schemas']['Status']
export type TimelineEntry = components['schemas']['TimelineEntryOut']
export type Reporter = components['schemas']['ReporterOut']
export type LinkedRequest = components['schemas']['LinkedRequestOut']

/** The request and the ETag it came with: every change sends it back in If-Match. */
export type RequestSnapshot = { request: ServiceRequest; etag: string }

export const requestKey = (id: string) => ['requests', 'detail', id] as const
export const timelineKey = (id: string) => ['requests', 'timeline', id] as const
const LINKED = ['requests', 'linked'] as const

type Answer = { data?: ServiceRequest; error?: unknown; response: Response }

function snapshotOf({ data, error, response }: Answer): RequestSnapshot {
  if (!response.ok || !data) throw new ApiError(response.status, error)
  return { request: data, etag: response.headers.get('ETag') ?? `"v${data.version}"` }
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: requestKey(id),
    queryFn: async () => snapshotOf(await api.GET('/api/v1/requests/{request_id}', { params: { path: { request_id: id } } })),
  })
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: timelineKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/requests/{request_id}/timeline', { params: { path: { request_id: id } } })),
  })
}

/** The request it was merged into, and the requests merged into it with their reporters. */
export function useLinked(id: string) {
  return useQuery({
    queryKey: [...LINKED, id],
    queryFn: () => unwrap(api.GET('/api/v1/requests/{request_id}/linked', { params: { path: { request_id: id } } })),
  })
}

/** A change to the request, given the If-Match ETag of the version on screen. */
export type Change = (ifMatch: string) => Promise<Answer>

export const isConflict = (error: unknown) => error instanceof ApiError && error.status === 412

/**
 * Sends a change with the request's ETag. On success the answer replaces the request on screen;
 * on 412 (someone else changed it first) the request and its timeline are reloaded, so the
 * agent sees what changed and can try again with the fresh ETag.
 */
export function useRequestChange(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (change: Change) => {
      const current = client.getQueryData<RequestSnapshot>(requestKey(id))
      if (!current) throw new Error('the request is not loaded yet')
      return snapshotOf(await change(current.etag))
    },
    onSuccess: (snapshot) => {
      client.setQueryData(requestKey(id), snapshot)
      void client.invalidateQueries({ queryKey: timelineKey(id) })
      void client.invalidateQueries({ queryKey: LINKED }) // a merge links two requests
      void client.invalidateQueries({ queryKey: ['requests', 'queue'] })
    },
    onError: (error) => {
      if (!isConflict(error)) return
      void client.invalidateQueries({ queryKey: requestKey(id) })
      void client.invalidateQueries({ queryKey: timelineKey(id) })
    },
  })
}

/** The reporter's names: public text (comments, status notes) must not hold them. */
export const reporterNames = (request: ServiceRequest | undefined) => [request?.reporter.first_name, request?.reporter.last_name]

export const path = (id: string, ifMatch: string) => ({ path: { request_id: id }, header: { 'if-match': ifMatch } })
