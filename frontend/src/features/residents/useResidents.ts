import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, ApiError, unwrap, type components } from '../../api/client'

export type Resident = components['schemas']['ResidentOut']
export type ResidentHistory = components['schemas']['ResidentHistoryOut']
export type EmailOptOut = components['schemas']['EmailOptOutOut']

export const MIN_QUERY = 2

export function useResidentSearch(q: string) {
  return useQuery({
    queryKey: ['residents', 'search', q],
    queryFn: () => unwrap(api.GET('/api/v1/residents', { params: { query: { q, limit: 50 } } })),
    enabled: q.length >= MIN_QUERY,
  })
}

export function useResident(id: string) {
  return useQuery({
    queryKey: ['residents', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/residents/{resident_id}', { params: { path: { resident_id: id } } })),
  })
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
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['residents', 'detail', residentId] }),
  })
}

export function fullName(resident: { first_name: string | null; last_name: string | null }): string {
  return [resident.first_name, resident.last_name].filter(Boolean).join(' ')
}
