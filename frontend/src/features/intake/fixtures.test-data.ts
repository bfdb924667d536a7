import type { Article, Service } from './queries'

export const POTHOLE: Service = {
  code: 'trm-pothole-repair',
  type_name: 'realtime',
  name: 'Pothole',
  description: 'Report a pothole.',
  group: 'Streets',
  keywords: [],
  department: 'transportation',
  active: true,
  metadata: true,
  sla: { days: 3, calendar: 'business' } as unknown as Service['sla'],
  duplicate_radius_m: null,
  mask_personal_data: true,
  public_location: 'exact',
  open_data_descriptions: false,
  anonymous_allowed: false,
  attributes: [
    { code: 'note', datatype: 'string', description: 'Road crews fill potholes within days.', variable: false, required: false, order: 0, values: [] },
    {
      code: 'pothole_size',
      datatype: 'singlevaluelist',
      description: 'How big is the pothole?',
      variable: true,
      required: true,
      order: 1,
      values: [
        { key: 'small', name: 'Smaller than a plate' },
        { key: 'large', name: 'Larger than a tyre' },
      ],
    },
    { code: 'depth_inches', datatype: 'number', description: 'How deep, in inches?', variable: true, required: false, order: 2, datatype_description: 'A number of inches', values: [] },
    {
      code: 'hazards',
      datatype: 'multivaluelist',
      description: 'Hazards',
      variable: true,
      required: false,
      order: 3,
      values: [
        { key: 'water', name: 'Filled with water' },
        { key: 'edge', name: 'Sharp edge' },
      ],
    },
    { code: 'seen_at', datatype: 'datetime', description: 'When was it seen?', variable: true, required: false, order: 4, values: [] },
    { code: 'details', datatype: 'text', description: 'Details', variable: true, required: false, order: 5, values: [] },
  ],
}

export const GRAFFITI: Service = { ...POTHOLE, code: 'sw-graffiti-removal', name: 'Graffiti removal', group: 'Sanitation', department: 'solid-waste', attributes: [] }

export const TRASH_ARTICLE: Article = {
  id: 1,
  slug: 'trash-collection-day',
  title: 'When is my trash collected?',
  summary: 'Once a week, on a set day.',
  snippet: '<mark>trash</mark> is collected once a week',
  language: 'en',
  translation_of: null,
  audience: 'public',
  status: 'published',
  department: 'solid-waste',
  services: ['sw-mixed-refuse'],
  tags: [],
  review_by: null,
  stale: false,
  view_count: 0,
  use_count: 0,
  version: 1,
  updated_at: '2026-11-01T12:00:00Z',
  score: 1,
}

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
