import { useMutation, useQuery } from '@tanstack/react-query'
import { api, unwrap, type components } from '../../api/client'
import { open311Queries } from '../../api/queries/open311'
import { useLanguage } from '../../i18n/useLanguage'

export type LookupIn = components['schemas']['LookupIn']
export type RequestBrief = components['schemas']['RequestBrief']

export type { PublicNote, PublicRequest } from '../../api/queries/open311'

/** The reference numbers the API hands out, e.g. 26-00000123. */
export const REFERENCE = /^\d{2}-\d{1,12}$/

/** The request's public status, through the public Open311 read with its public notes. */
export function usePublicRequest(number: string) {
  return useQuery({ ...open311Queries.request(number, useLanguage()), enabled: REFERENCE.test(number) })
}

/** Service names for the look-up results (the look-up answers with codes only). */
export function useServiceNames() {
  return useQuery(open311Queries.serviceNames(useLanguage()))
}

/** The public look-up by email (or phone) and last name; rate-limited by the API (429). */
export function useLookup() {
  return useMutation({
    mutationFn: (body: LookupIn) => unwrap(api.POST('/api/v1/requests/lookup', { body })),
  })
}
