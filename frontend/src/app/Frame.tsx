import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../shared/LanguageSwitch'

/**
 * The frame of every page, signed in or not: the skip link, the header with the name, the
 * navigation and the language switch beside the signed-in user, and the main landmark.
 */
export function Frame({ nav, user, children, className }: { nav?: ReactNode; user?: ReactNode; children: ReactNode; className?: string }) {
  const { t } = useTranslation()
  return (
    <div className={className ? `shell ${className}` : 'shell'}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="shell-header">
        <span className="brand">{t('appName')}</span>
        {nav}
        <div className="shell-user">
          <LanguageSwitch />
          {user}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  )
}
