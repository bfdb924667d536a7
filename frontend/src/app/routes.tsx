import { matchPath } from 'react-router'
import type { ComponentType } from 'react'
import { lazyPage, type LazyPage } from './lazyPage'
import { featureOf, PUBLIC_PAGES } from './publicPages'
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
  page: LazyPage
}

/** Who is looking: their role and, for department staff, their tier. */
export type Viewer = Pick<Me, 'role' | 'tier'>

const EVERYONE: readonly Role[] = ['admin', 'supervisor', 'agent', 'staff']
const CONTACT_CENTRE: readonly Role[] = ['admin', 'supervisor', 'agent']
const LEADERS: readonly Role[] = ['admin', 'supervisor', 'staff']

export const ROUTES: readonly AppRoute[] = [
  { path: '/intake', nav: 'nav.intake', roles: CONTACT_CENTRE, page: lazyPage('intake', () => import('../features/intake/IntakePage')) },
  { path: '/inbox', nav: 'nav.inbox', roles: CONTACT_CENTRE, page: lazyPage('inbox', () => import('../features/inbox/InboxPage')) },
  { path: '/inbox/:caseId', roles: CONTACT_CENTRE, page: lazyPage('inbox', () => import('../features/inbox/ConversationPage')) },
  { path: '/queues', nav: 'nav.queues', roles: EVERYONE, page: lazyPage('queues', () => import('../features/queues/QueuesPage')) },
  { path: '/requests/:id', roles: EVERYONE, page: lazyPage('request-detail', () => import('../features/request-detail/RequestDetailPage')) },
  { path: '/knowledge', nav: 'nav.knowledge', roles: EVERYONE, page: lazyPage('knowledge', () => import('../features/knowledge/KnowledgePage')) },
  { path: '/knowledge/:id', roles: EVERYONE, page: lazyPage('knowledge', () => import('../features/knowledge/ArticlePage')) },
  { path: '/residents', nav: 'nav.residents', roles: CONTACT_CENTRE, page: lazyPage('residents', () => import('../features/residents/ResidentsPage')) },
  { path: '/residents/:id', roles: CONTACT_CENTRE, page: lazyPage('residents', () => import('../features/residents/ResidentPage')) },
  { path: '/dashboard', nav: 'nav.dashboard', roles: LEADERS, staffTiers: ['manager'], page: lazyPage('dashboard', () => import('../features/dashboard/components/dashboard-page')) },
]

/** Every feature's page modules, by path: `PUBLIC_PAGES` picks the residents' by name. */
const PAGE_MODULES = import.meta.glob<{ default: ComponentType }>('../features/*/*Page.tsx')

/**
 * Pages for residents: no sign-in, no agent navigation, shown in the public shell whether or not
 * someone is signed in on this browser (except `/`, which is the staff's home once signed in).
 * Each is its own chunk, so a resident's phone loads the public pages only.
 */
export const PUBLIC_ROUTES: readonly Pick<AppRoute, 'path' | 'page'>[] = PUBLIC_PAGES.map(({ path, page }) => {
  const load = PAGE_MODULES[`../features/${page}.tsx`]
  if (!load) throw new Error(`no page module ${page}`)
  return { path, page: lazyPage(featureOf(page), load) }
})

/**
 * Fetches the residents' page at `pathname` (its code and strings) before the app first renders,
 * so it appears whole; the server has already asked the browser to fetch its chunks (api/spa.py).
 */
export function preloadPublicPage(pathname: string, signedIn: boolean): Promise<void> {
  if (!isPublicPath(pathname, signedIn)) return Promise.resolve()
  const route = PUBLIC_ROUTES.find(({ path }) => matchPath(path, pathname))
  return route ? route.page.preload() : Promise.resolve()
}

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
