import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import type { Me, Role } from '../shared/useMe'

/**
 * The route table and the navigation, in one place. Every screen is lazy-loaded so the initial
 * bundle stays small (Leaflet, for one, only loads with the intake screen).
 *
 * To add a screen: one entry here. `nav` is an i18n key of the `common` namespace
 * (src/i18n/locales/*.json); leave it out for routes that are not in the navigation
 * (e.g. a request's detail page). `roles` are the roles that see it; `staffTiers`, when given,
 * narrows the staff among them to those tiers (department managers).
 */
export type AppRoute = {
  path: string
  nav?: string
  roles: readonly Role[]
  staffTiers?: readonly NonNullable<Me['tier']>[]
  page: LazyExoticComponent<ComponentType>
}

/** Who is looking: their role and, for department staff, their tier. */
export type Viewer = Pick<Me, 'role' | 'tier'>

const EVERYONE: readonly Role[] = ['admin', 'supervisor', 'agent', 'staff']
const CONTACT_CENTRE: readonly Role[] = ['admin', 'supervisor', 'agent']
const LEADERS: readonly Role[] = ['admin', 'supervisor', 'staff']

export const ROUTES: readonly AppRoute[] = [
  { path: '/intake', nav: 'nav.intake', roles: CONTACT_CENTRE, page: lazy(() => import('../features/intake/IntakePage')) },
  { path: '/inbox', nav: 'nav.inbox', roles: CONTACT_CENTRE, page: lazy(() => import('../features/inbox/InboxPage')) },
  { path: '/inbox/:caseId', roles: CONTACT_CENTRE, page: lazy(() => import('../features/inbox/ConversationPage')) },
  { path: '/queues', nav: 'nav.queues', roles: EVERYONE, page: lazy(() => import('../features/queues/QueuesPage')) },
  { path: '/requests/:id', roles: EVERYONE, page: lazy(() => import('../features/request-detail/RequestDetailPage')) },
  { path: '/knowledge', nav: 'nav.knowledge', roles: EVERYONE, page: lazy(() => import('../features/knowledge/KnowledgePage')) },
  { path: '/knowledge/:id', roles: EVERYONE, page: lazy(() => import('../features/knowledge/ArticlePage')) },
  { path: '/residents', nav: 'nav.residents', roles: CONTACT_CENTRE, page: lazy(() => import('../features/residents/ResidentsPage')) },
  { path: '/residents/:id', roles: CONTACT_CENTRE, page: lazy(() => import('../features/residents/ResidentPage')) },
  { path: '/dashboard', nav: 'nav.dashboard', roles: LEADERS, staffTiers: ['manager'], page: lazy(() => import('../features/dashboard/components/dashboard-page')) },
]

/**
 * Pages for residents: no sign-in, no agent navigation, shown in the public shell whether or not
 * someone is signed in on this browser (except `/`, which is the staff's home once signed in).
 * Each is its own chunk, so a resident's phone loads the public pages only.
 */
export const PUBLIC_ROUTES: readonly Pick<AppRoute, 'path' | 'page'>[] = [
  { path: '/', page: lazy(() => import('../features/portal/HomePage')) },
  { path: '/answers', page: lazy(() => import('../features/portal/AnswersPage')) },
  { path: '/answers/:id', page: lazy(() => import('../features/portal/AnswerPage')) },
  { path: '/report', page: lazy(() => import('../features/portal/ServicesPage')) },
  { path: '/report/:serviceCode', page: lazy(() => import('../features/portal/ReportPage')) },
  { path: '/map', page: lazy(() => import('../features/portal/MapPage')) },
  { path: '/follow/confirm', page: lazy(() => import('../features/portal/FollowConfirmPage')) },
  { path: '/status', page: lazy(() => import('../features/status/StatusLookupPage')) },
  { path: '/status/:number', page: lazy(() => import('../features/status/StatusPage')) },
  { path: '/unsubscribe', page: lazy(() => import('../features/unsubscribe/UnsubscribePage')) },
  { path: '/report-card', page: lazy(() => import('../features/report-card/ReportCardPage')) },
  { path: '/survey/:token', page: lazy(() => import('../features/survey/SurveyPage')) },
]

/** The residents' links in the public header (i18n keys of the `common` namespace). */
export const PUBLIC_NAV: readonly { path: string; label: string }[] = [
  { path: '/', label: 'publicNav.home' },
  { path: '/answers', label: 'publicNav.answers' },
  { path: '/report', label: 'publicNav.report' },
  { path: '/map', label: 'publicNav.map' },
  { path: '/status', label: 'publicNav.status' },
]

const PUBLIC_PREFIXES = ['/answers', '/report', '/report-card', '/map', '/follow', '/status', '/unsubscribe', '/survey']

/** Whether `pathname` is a residents' page; `/` is one only for someone not signed in. */
export function isPublicPath(pathname: string, signedIn = false): boolean {
  if (pathname === '/') return !signedIn
  return PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))
}

function sees(viewer: Viewer, route: AppRoute): boolean {
  if (!route.roles.includes(viewer.role)) return false
  return viewer.role !== 'staff' || !route.staffTiers || route.staffTiers.includes(viewer.tier ?? 'employee')
}

export function routesFor(viewer: Viewer): AppRoute[] {
  return ROUTES.filter((route) => sees(viewer, route))
}

export function homeFor(viewer: Viewer): string {
  return routesFor(viewer).find((route) => route.nav)?.path ?? '/'
}

/** The route whose navigation entry shows how many messages wait unread. */
export const INBOX_PATH = '/inbox'

export { EVERYONE }
