import { useInfiniteQuery } from '@tanstack/react-query'
import { requestQueries, type QueueQuery, type Status } from '../../api/queries/requests'

export type { QueueQuery, ServiceRequest, Status } from '../../api/queries/requests'

export const OPEN_STATUSES: readonly Status[] = ['new', 'acknowledged', 'in_progress', 'on_hold']
export const POLL_MS = 30_000

/**
 * A queue of requests, newest first, a page at a time ("Show more" loads the next one).
 *
 * Every 30 s the pages on screen are fetched again in order, each from the cursor the page
 * before it now ends at, so a request that moved between pages is neither lost nor shown
 * twice. Each page is a conditional GET: a page that did not change answers 304 with no body.
 */
export function useQueue(query: QueueQuery, enabled = true) {
  return useInfiniteQuery({ ...requestQueries.queue(query), enabled, refetchInterval: POLL_MS, refetchIntervalInBackground: false })
}
