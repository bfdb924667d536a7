import { Route, Routes } from 'react-router'
import type { components } from '../../api/client'
import { mockApi, type Call, type Handler, type Reply } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { RequestDetailPage } from './RequestDetailPage'
import { aRequest, DEPARTMENTS, NO_LINKS, SERVICES, STAFF, TIMELINE, USERS } from './testData'

type Me = components['schemas']['Me']

export const withEtag = (body: unknown, version: number) => ({ status: 200, body, headers: { ETag: `"v${version}"` } })

/** The request page of 26-00000001 for `me`, over a fake API (`handlers` add to or replace its answers). */
export function renderRequestPage(me: Me = STAFF, handlers: Record<string, Reply | Handler> = {}, request = aRequest()) {
  const api = mockApi({
    'GET /api/v1/me': me,
    'GET /api/v1/users': USERS,
    'GET /api/v1/departments': DEPARTMENTS,
    'GET /api/v1/services': SERVICES,
    'GET /api/v1/requests/26-00000001': withEtag(request, request.version),
    'GET /api/v1/requests/26-00000001/timeline': TIMELINE,
    'GET /api/v1/requests/26-00000001/photos': { items: [] },
    'GET /api/v1/requests/26-00000001/linked': NO_LINKS,
    ...handlers,
  })
  const view = renderWithProviders(
    <Routes>
      <Route path="/requests/:id" element={<RequestDetailPage />} />
    </Routes>,
    { path: '/requests/26-00000001' },
  )
  return { api, ...view }
}

export const posts = (calls: Call[], suffix: string) => calls.filter((call) => call.method !== 'GET' && call.path.endsWith(suffix))
