import { useQuery } from '@tanstack/react-query'
import { api, unwrap, type components } from '../api/client'

export type Me = components['schemas']['Me']
export type Role = components['schemas']['Role']

export const ME_KEY = ['me'] as const

/** The signed-in user (`GET /api/v1/me`): their role decides the navigation. */
export function useMe(enabled = true) {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/me')),
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  })
}
