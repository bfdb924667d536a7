import { POTHOLE, TRASH_ARTICLE } from '../../shared/contact/fixtures.test-data'
import type { Service } from './queries'

export { POTHOLE, TRASH_ARTICLE }

export const GRAFFITI: Service = { ...POTHOLE, code: 'sw-graffiti-removal', name: 'Graffiti removal', group: 'Sanitation', department: 'solid-waste', attributes: [] }

export const NO_TRIAGE = {
  emergency: false,
  emergency_terms: [],
  crisis: false,
  crisis_terms: [],
  social_services: false,
  social_services_terms: [],
  suggested_services: [],
  suggested_articles: [],
}
