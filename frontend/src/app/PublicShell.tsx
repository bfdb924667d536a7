import { Suspense, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { Frame } from './Frame'
import { PUBLIC_ROUTES } from './routes'

/** The frame of the residents' pages: no navigation and no user. */
export function PublicShell({ children }: { children: ReactNode }) {
  return <Frame>{children}</Frame>
}

export function PublicRoutes() {
  const { t } = useTranslation()
  return (
    <Suspense fallback={<p role="status">{t('loading')}</p>}>
      <Routes>
        {PUBLIC_ROUTES.map(({ path, page: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
      </Routes>
    </Suspense>
  )
}
