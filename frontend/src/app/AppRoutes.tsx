import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes } from 'react-router'
import type { Role } from '../shared/useMe'
import { homeFor, routesFor } from './routes'

export function AppRoutes({ role }: { role: Role }) {
  const { t } = useTranslation()
  return (
    <Suspense fallback={<p role="status">{t('loading')}</p>}>
      <Routes>
        {routesFor(role).map(({ path, page: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        <Route path="*" element={<Navigate to={homeFor(role)} replace />} />
      </Routes>
    </Suspense>
  )
}
