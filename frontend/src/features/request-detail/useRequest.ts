import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, type components } from '../../api/client'
import { requestKeys, requestQueries, requestSnapshotOf, type RequestAnswer, type RequestSnapshot, type ServiceRequest } from '../../api/queries/requests'

export type { RequestSnapshot, ServiceRequest, Status } from '../../api/queries/requests'
export type TimelineEntry = components['schemas']['TimelineEntryOut']
export type Reporter = components['schemas']['ReporterOut']
export type LinkedRequest = components['schemas']['LinkedRequestOut']

export function useRequest(id: string) {
  return useQuery(requestQueries.detail(id))
}

export function useTimeline(id: string) {
  return useQuery(requestQueries.timeline(id))
}

/** The request it was merged into, and the requests merged into it with their reporters. */
export function useLinked(id: string) {
  return useQuery(requestQueries.linked(id))
}

/** A change to the request, given the If-Match ETag of the version on screen. */
export type Change = (ifMatch: string) => Promise<RequestAnswer>

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
      const current = client.getQueryData<RequestSnapshot>(requestKeys.detail(id))
      if (!current) throw new Error('the request is not loaded yet')
      return requestSnapshotOf(await change(current.etag))
    },
    onSuccess: (snapshot) => {
      client.setQueryData(requestKeys.detail(id), snapshot)
      void client.invalidateQueries({ queryKey: requestKeys.timeline(id) })
      void client.invalidateQueries({ queryKey: requestKeys.linkedAll() }) // a merge links two requests
      void client.invalidateQueries({ queryKey: requestKeys.queues() })
    },
    onError: (error) => {
      if (!isConflict(error)) return
      void client.invalidateQueries({ queryKey: requestKeys.detail(id) })
      void client.invalidateQueries({ queryKey: requestKeys.timeline(id) })
    },
  })
}

/** The reporter's names: public text (comments, status notes) must not hold them. */
export const reporterNames = (request: ServiceRequest | undefined) => [request?.reporter.first_name, request?.reporter.last_name]

export const path = (id: string, ifMatch: string) => ({ path: { request_id: id }, header: { 'if-match': ifMatch } })
