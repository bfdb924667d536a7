import { useQueryClient } from '@tanstack/react-query'
import { Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { useMe } from '../shared/useMe'
import { useSession } from '../shared/useSession'
import { PublicRoutes, PublicShell } from './PublicShell'
import { lazyPage } from './lazyPage'
import { isPublicPath } from './routes'

// The agent app and the sign-in screen load on demand: a resident's phone never downloads them.
const SignInPage = lazyPage('auth', () => import('../features/auth/SignInPage'))
const StaffApp = lazyPage('shortcuts', () => import('./StaffApp'))

/**
 * Residents' public pages first (no sign-in, no session probe). Signed out elsewhere: the
 * sign-in screen (`/sign-in`, or any staff address). Signed in: the shell, with the screens the
 * user's role sees; `/` and `/sign-in` then lead to their own home.
 */
export function App() {
  const token = useSession()
  const queryClient = useQueryClient()
  const publicPage = isPublicPath(useLocation().pathname, token !== null)
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
  const loading = <p role="status">{t('loading')}</p>
  if (token === null || me.isError)
    return (
      <Suspense fallback={loading}>
        <SignInPage />
      </Suspense>
    )
  if (me.isPending) return loading
  return (
    <Suspense fallback={loading}>
      <StaffApp me={me.data} />
    </Suspense>
  )
}
