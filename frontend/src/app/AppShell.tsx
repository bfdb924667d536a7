import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { session } from '../api/session'
import type { Me } from '../shared/useMe'
import { LanguageSwitch } from '../shared/LanguageSwitch'
import { routesFor } from './routes'

export function AppShell({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation()
  const entries = routesFor(me.role).filter((route) => route.nav)
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="shell-header">
        <span className="brand">{t('appName')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {entries.map((route) => (
              <li key={route.path}>
                <NavLink to={route.path}>{t(route.nav!)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="shell-user">
          <LanguageSwitch />
          <span>
            {me.display_name} · {t(`roles.${me.role}`)}
          </span>
          <button type="button" onClick={() => session.clear()}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  )
}
