import { Suspense, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { LanguageSwitch } from '../shared/LanguageSwitch'
import { PUBLIC_ROUTES } from './routes'

/** The frame of the residents' pages: the name, the language switch and the main landmark; no navigation. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="shell-header">
        <span className="brand">{t('appName')}</span>
        <div className="shell-user">
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  )
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
