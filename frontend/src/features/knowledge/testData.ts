import type { components } from '../../api/client'

type Article = components['schemas']['ArticleOut']
type ArticleItem = components['schemas']['ArticleItem']
type Me = components['schemas']['Me']

export function anArticle(overrides: Partial<Article> = {}): Article {
  return {
    id: 7,
    slug: 'bulk-trash',
    title: 'Bulk trash pickup',
    summary: 'How to book a bulk pickup',
    body: 'Call 311 to book.\n\nPickups are on Mondays.',
    language: 'en',
    translation_of: null,
    translations: [
      { id: 7, language: 'en', title: 'Bulk trash pickup' },
      { id: 8, language: 'es', title: 'Recogida de basura voluminosa' },
    ],
    audience: 'public',
    status: 'draft',
    department: null,
    services: [],
    tags: [],
    review_by: '2026-01-31',
    stale: true,
    view_count: 3,
    use_count: 1,
    version: 2,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-02T00:00:00Z',
    published_at: null,
    ...overrides,
  }
}

export function anItem(overrides: Partial<ArticleItem> = {}): ArticleItem {
  return {
    id: 7,
    slug: 'bulk-trash',
    title: 'Bulk trash pickup',
    summary: 'How to book a bulk pickup',
    snippet: 'Book a <mark>bulk</mark> pickup &amp; more',
    language: 'en',
    translation_of: null,
    audience: 'public',
    status: 'published',
    department: null,
    services: [],
    tags: [],
    review_by: null,
    stale: false,
    view_count: 0,
    use_count: 0,
    version: 1,
    updated_at: '2026-01-02T00:00:00Z',
    score: 0.5,
    ...overrides,
  }
}

const base: Me = { id: 'u-1', email: 'sup@example.org', display_name: 'Sam Supervisor', role: 'supervisor', department: null, tier: null }
export const SUPERVISOR = base
export const AGENT: Me = { ...base, role: 'agent' }
export const MANAGER: Me = { ...base, role: 'staff', department: 'sanitation', tier: 'manager' }
