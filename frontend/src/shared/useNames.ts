import { useQuery } from '@tanstack/react-query'
import { api, unwrap } from '../api/client'
import { useLanguage } from '../i18n/useLanguage'

/** Code (or id) → display name, in the UI language (it is in the keys: a switch refetches); while the list loads, an ellipsis rather than the raw code. */
export type NameOf = (code: string) => string

type Names = { data?: ReadonlyMap<string, string>; isPending: boolean }

function lookup({ data, isPending }: Names): NameOf {
  return (code) => data?.get(code) ?? (isPending ? '…' : code)
}

const byCode = (items: readonly { code: string; name: string }[]) => new Map(items.map((item) => [item.code, item.name]))

export function useDepartmentNames(): NameOf {
  const lang = useLanguage()
  const names = useQuery({
    queryKey: ['departments', lang],
    queryFn: () => unwrap(api.GET('/api/v1/departments')),
    staleTime: 10 * 60_000,
    select: (list) => byCode(list.items),
  })
  return lookup(names)
}

export function useServiceNames(): NameOf {
  const lang = useLanguage()
  const names = useQuery({
    queryKey: ['services', 'all', lang],
    queryFn: () => unwrap(api.GET('/api/v1/services', { params: { query: { include_inactive: true } } })),
    staleTime: 10 * 60_000,
    select: (list) => byCode(list.items),
  })
  return lookup(names)
}

/** Staff names by user id (the staff directory: signed-in people only). */
export function useUserNames(): NameOf {
  const names = useQuery({
    queryKey: ['users'],
    queryFn: () => unwrap(api.GET('/api/v1/users')),
    staleTime: 5 * 60_000,
    select: (list) => new Map(list.items.map((user) => [user.id, user.display_name])),
  })
  return lookup(names)
}
