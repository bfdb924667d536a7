import { Suspense, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Route, Routes } from 'react-router'
import { Frame } from './Frame'
import { PUBLIC_NAV, PUBLIC_ROUTES } from './routes'
import './public.css'

function PublicNav() {
  const { t } = useTranslation()
  return (
    <nav aria-label={t('publicNav.label')}>
      <ul>
        {PUBLIC_NAV.map(({ path, label }) => (
          <li key={path}>
            <NavLink to={path} end={path === '/'} className={({ isActive }) => (isActive ? 'active' : undefined)}>
              {t(label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** The frame of the residents' pages: their own links, the language switch and the staff's way in. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Frame nav={<PublicNav />} user={<Link to="/sign-in" className="staff-link">{t('publicNav.signIn')}</Link>} className="public">
      {children}
    </Frame>
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
