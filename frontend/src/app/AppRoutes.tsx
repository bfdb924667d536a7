import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes } from 'react-router'
import { homeFor, routesFor, type Viewer } from './routes'

export function AppRoutes({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation()
  return (
    <Suspense fallback={<p role="status">{t('loading')}</p>}>
      <Routes>
        {routesFor(viewer).map(({ path, page: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        <Route path="*" element={<Navigate to={homeFor(viewer)} replace />} />
      </Routes>
    </Suspense>
  )
}
