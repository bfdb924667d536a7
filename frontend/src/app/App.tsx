import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { SignInPage } from '../features/auth/SignInPage'
import { useMe } from '../shared/useMe'
import { useSession } from '../shared/useSession'
import { AppRoutes } from './AppRoutes'
import { AppShell } from './AppShell'

/** Signed out: the sign-in screen. Signed in: the shell, with the screens the user's role sees. */
export function App() {
  const token = useSession()
  const queryClient = useQueryClient()
  const me = useMe(token !== null)
  const { t } = useTranslation()

  useEffect(() => {
    if (token === null) queryClient.clear()
  }, [token, queryClient])

  if (token === null) return <SignInPage />
  if (me.isPending) return <p role="status">{t('loading')}</p>
  if (me.isError) return <SignInPage />
  return (
    <AppShell me={me.data}>
      <AppRoutes role={me.data.role} />
    </AppShell>
  )
}
