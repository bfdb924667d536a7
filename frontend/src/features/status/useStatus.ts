import { useMutation, useQuery } from '@tanstack/react-query'
import { api, unwrap, type components } from '../../api/client'
import { useLanguage } from '../../i18n/useLanguage'

export type LookupIn = components['schemas']['LookupIn']
export type RequestBrief = components['schemas']['RequestBrief']

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

/** The reference numbers the API hands out, e.g. 26-00000123. */
export const REFERENCE = /^\d{2}-\d{1,12}$/

/** The request's public status, through the public Open311 read with its public notes. */
export function usePublicRequest(number: string) {
  const lang = useLanguage()
  return useQuery({
    queryKey: ['status', number, lang],
    queryFn: async () => {
      const found = await unwrap(
        api.GET('/open311/v2/requests/{service_request_id}.{format}', {
          params: { path: { service_request_id: number, format: 'json' }, query: { extensions: 'true' } },
        }),
      )
      return (found as PublicRequest[])[0] ?? null
    },
    enabled: REFERENCE.test(number),
    retry: false,
  })
}

/** Service names for the look-up results (the look-up answers with codes only). */
export function useServiceNames() {
  const lang = useLanguage()
  return useQuery({
    queryKey: ['status', 'services', lang],
    queryFn: async () => {
      const services = (await unwrap(api.GET('/open311/v2/services.{format}', { params: { path: { format: 'json' } } }))) as {
        service_code: string
        service_name: string
      }[]
      return new Map(services.map((service) => [service.service_code, service.service_name]))
    },
    staleTime: 10 * 60_000,
  })
}

/** The public look-up by email (or phone) and last name; rate-limited by the API (429). */
export function useLookup() {
  return useMutation({
    mutationFn: (body: LookupIn) => unwrap(api.POST('/api/v1/requests/lookup', { body })),
  })
}
