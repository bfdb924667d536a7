import { useQuery } from '@tanstack/react-query'
import type { components } from '../api/client'
import { userQueries } from '../api/queries/users'

export type Me = components['schemas']['Me']
export type Role = components['schemas']['Role']

/** The signed-in user (`GET /api/v1/me`): their role decides the navigation. */
export function useMe(enabled = true) {
  return useQuery({ ...userQueries.me(), enabled })
}
