import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { SignInPage } from '../features/auth/SignInPage'
import { useMe } from '../shared/useMe'
import { useSession } from '../shared/useSession'
import { AppRoutes } from './AppRoutes'
import { AppShell } from './AppShell'
import { PublicRoutes, PublicShell } from './PublicShell'
import { isPublicPath } from './routes'

/** Residents' public pages first (no sign-in). Signed out: the sign-in screen. Signed in: the shell, with the screens the user's role sees. */
export function App() {
  const token = useSession()
  const queryClient = useQueryClient()
  const publicPage = isPublicPath(useLocation().pathname)
  const me = useMe(token !== null && !publicPage)
  const { t } = useTranslation()

  useEffect(() => {
    // A public page's own queries are not the signed-out agent's to clear.
    if (token === null && !publicPage) queryClient.clear()
  }, [token, publicPage, queryClient])

  if (publicPage)
    return (
      <PublicShell>
        <PublicRoutes />
      </PublicShell>
    )
  if (token === null) return <SignInPage />
  if (me.isPending) return <p role="status">{t('loading')}</p>
  if (me.isError) return <SignInPage />
  return (
    <AppShell me={me.data}>
      <AppRoutes viewer={me.data} />
    </AppShell>
  )
}
