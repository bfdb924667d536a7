import { useQuery } from '@tanstack/react-query'
import { departmentQueries } from '../api/queries/departments'
import { serviceQueries } from '../api/queries/services'
import { userQueries } from '../api/queries/users'
import { useLanguage } from '../i18n/useLanguage'

/** Code (or id) → display name, in the UI language (it is in the keys: a switch refetches); while the list loads, an ellipsis rather than the raw code. */
export type NameOf = (code: string) => string

type Names = { data?: ReadonlyMap<string, string>; isPending: boolean }

function lookup({ data, isPending }: Names): NameOf {
  return (code) => data?.get(code) ?? (isPending ? '…' : code)
}

const byCode = (list: { items: readonly { code: string; name: string }[] }) => new Map(list.items.map((item) => [item.code, item.name]))

export function useDepartmentNames(): NameOf {
  return lookup(useQuery({ ...departmentQueries.list(useLanguage()), select: byCode }))
}

/** Retired services too: an old request still names its service. */
export function useServiceNames(): NameOf {
  return lookup(useQuery({ ...serviceQueries.list('all', useLanguage()), select: byCode }))
}

/** Staff names by user id (the staff directory: signed-in people only). */
export function useUserNames(): NameOf {
  const names = useQuery({
    ...userQueries.list(),
    select: (list) => new Map(list.items.map((user) => [user.id, user.display_name])),
  })
  return lookup(names)
}
