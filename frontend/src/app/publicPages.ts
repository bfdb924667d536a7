/**
 * The residents' pages: each address and the page module that shows it
 * (`src/features/<feature>/<Page>.tsx`, whose strings are the feature's namespace).
 *
 * Plain data with no imports, because the build reads it too: vite.config.ts writes, for each
 * address, the chunks its page needs, and the server names them in a `Link` header of the HTML
 * (api/spa.py), so a phone fetches the page's code with the app's, not after it.
 */
export const PUBLIC_PAGES = [
  { path: '/', page: 'portal/HomePage' },
  { path: '/answers', page: 'portal/AnswersPage' },
  { path: '/answers/:id', page: 'portal/AnswerPage' },
  { path: '/report', page: 'portal/ServicesPage' },
  { path: '/report/:serviceCode', page: 'portal/ReportPage' },
  { path: '/map', page: 'portal/MapPage' },
  { path: '/follow/confirm', page: 'portal/FollowConfirmPage' },
  { path: '/status', page: 'status/StatusLookupPage' },
  { path: '/status/:number', page: 'status/StatusPage' },
  { path: '/unsubscribe', page: 'unsubscribe/UnsubscribePage' },
  { path: '/report-card', page: 'report-card/ReportCardPage' },
  { path: '/survey/:token', page: 'survey/SurveyPage' },
] as const

/** The feature folder of a page module, which is also its strings' namespace. */
export function featureOf(page: string): string {
  return page.split('/')[0]!
}
