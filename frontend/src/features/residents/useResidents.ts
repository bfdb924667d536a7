import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, ApiError, type components } from '../../api/client'
import { residentKeys, residentQueries } from '../../api/queries/residents'

export type Resident = components['schemas']['ResidentOut']
export type ResidentHistory = components['schemas']['ResidentHistoryOut']
export type EmailOptOut = components['schemas']['EmailOptOutOut']

export const MIN_QUERY = 2
/** The residents screen lists up to this many matches. */
export const SEARCH_LIMIT = 50

export function useResidentSearch(q: string) {
  return useQuery({ ...residentQueries.search(q, SEARCH_LIMIT), enabled: q.length >= MIN_QUERY })
}

export function useResident(id: string) {
  return useQuery(residentQueries.detail(id))
}

/** At the resident's request, resident emails go to one of their addresses again. */
export function useTurnEmailsBackOn(residentId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (address: string) => {
      const { error, response } = await api.DELETE('/api/v1/residents/{resident_id}/email-opt-outs/{address}', {
        params: { path: { resident_id: residentId, address } },
      })
      if (!response.ok) throw new ApiError(response.status, error)
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: residentKeys.detail(residentId) }),
  })
}

export function fullName(resident: { first_name: string | null; last_name: string | null }): string {
  return [resident.first_name, resident.last_name].filter(Boolean).join(' ')
}

export type Erased = components['schemas']['ErasureOut']

/** At the resident's request, their personal data goes everywhere at once (supervisors, admins). */
export function useEraseResident(residentId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (): Promise<Erased> => {
      const { data, error, response } = await api.POST('/api/v1/residents/{resident_id}/erasure', {
        params: { path: { resident_id: residentId } },
      })
      if (!response.ok || !data) throw new ApiError(response.status, error)
      return data
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: residentKeys.all }),
  })
}
