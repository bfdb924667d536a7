import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../client'

/**
 * A public note on a request (Open311 `extended_attributes.notes`): never a staff name. A status
 * change names the status it moved to, its close reason, and the public note given with it.
 */
export type PublicNote = {
  datetime: string
  type: string
  summary: string
  description: string | null
  status?: string | null
  close_reason?: string | null
  note?: string | null
}

/** What the public Open311 read shows of one request (no reporter, no personal data). */
export type PublicRequest = {
  service_request_id: string
  service_name: string | null
  service_code: string
  status: 'open' | 'closed'
  status_notes: string | null
  /** As the service shows it: the address, its block ("2100 block of EASTERN AVE") or its area. */
  address?: string | null
  zipcode?: string | null
  requested_datetime: string
  updated_datetime: string | null
  expected_datetime: string | null
  extended_attributes?: { external_status?: string; location_precision?: string; notes?: PublicNote[] }
}

export const open311Keys = {
  all: ['open311'] as const,
  request: (number: string, lang: string) => [...open311Keys.all, 'request', number, lang] as const,
  serviceNames: (lang: string) => [...open311Keys.all, 'service-names', lang] as const,
}

export const open311Queries = {
  /** A request's public status, with its public notes; null when there is no such request. */
  request: (number: string, lang: string) =>
    queryOptions({
      queryKey: open311Keys.request(number, lang),
      queryFn: async () => {
        const found = await unwrap(
          api.GET('/open311/v2/requests/{service_request_id}.{format}', {
            params: { path: { service_request_id: number, format: 'json' }, query: { extensions: 'true' } },
          }),
        )
        return (found as PublicRequest[])[0] ?? null
      },
      retry: false,
    }),
  /** Service code → name, from the public catalog. */
  serviceNames: (lang: string) =>
    queryOptions({
      queryKey: open311Keys.serviceNames(lang),
      queryFn: async () => {
        const services = (await unwrap(api.GET('/open311/v2/services.{format}', { params: { path: { format: 'json' } } }))) as {
          service_code: string
          service_name: string
        }[]
        return new Map(services.map((service) => [service.service_code, service.service_name]))
      },
      staleTime: 10 * 60_000,
    }),
}
