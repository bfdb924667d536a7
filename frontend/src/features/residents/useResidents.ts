import { useQuery } from '@tanstack/react-query'
import { api, unwrap, type components } from '../../api/client'

export type Resident = components['schemas']['ResidentOut']
export type ResidentHistory = components['schemas']['ResidentHistoryOut']

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

export function useServiceNames() {
  return useQuery({
    queryKey: ['services', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/services', { params: { query: { include_inactive: true } } })),
    staleTime: 10 * 60_000,
    select: (list) => new Map(list.items.map((service) => [service.code, service.name])),
  })
}

export function fullName(resident: { first_name: string | null; last_name: string | null }): string {
  return [resident.first_name, resident.last_name].filter(Boolean).join(' ')
}
