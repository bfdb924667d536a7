import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { inboxQueries } from '../api/queries/inbox'
import { session } from '../api/session'
import { ShortcutsHelp } from '../features/shortcuts/ShortcutsHelp'
import { NEW_CONTACT_PATH } from '../features/shortcuts/useShortcuts'
import { roleKey } from '../shared/roles'
import type { Me } from '../shared/useMe'
import { useDepartmentNames } from '../shared/useNames'
import { Frame } from './Frame'
import { INBOX_PATH, routesFor } from './routes'

export function AppShell({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation()
  const departmentName = useDepartmentNames()
  const role = [t(roleKey(me)), me.department && departmentName(me.department)].filter(Boolean).join(', ')
  const routes = routesFor(me)
  const entries = routes.filter((route) => route.nav)
  const unread = useUnread(entries.some((route) => route.path === INBOX_PATH))
  const nav = (
    <nav aria-label={t('nav.label')}>
      <ul>
        {entries.map((route) => (
          <li key={route.path}>
            <NavLink to={route.path}>
              {t(route.nav!)}
              {route.path === INBOX_PATH && <UnreadBadge count={unread} />}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
  const user = (
    <>
      <ShortcutsHelp canTakeContacts={routes.some((route) => route.path === NEW_CONTACT_PATH)} />
      <span>
        {me.display_name} · {role}
      </span>
      <button type="button" onClick={() => session.clear()}>
        {t('signOut')}
      </button>
    </>
  )
  return (
    <Frame nav={nav} user={user}>
      {children}
    </Frame>
  )
}

function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation()
  if (count <= 0) return null
  return (
    <>
      {' '}
      <span className="nav-badge">
        <span aria-hidden="true">{count}</span>
        <span className="visually-hidden">{t('nav.unread', { count })}</span>
      </span>
    </>
  )
}

/** Unread messages in the Inbox, for its navigation badge: read again every minute. */
function useUnread(shown: boolean): number {
  return useQuery({ ...inboxQueries.unread(), enabled: shown, refetchInterval: 60_000 }).data ?? 0
}
