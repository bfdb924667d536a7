import type { PortalService, PublicItem } from '../../api/queries/portal'

const question = (code: string, datatype: string, required: boolean, order: number, extra: Partial<PortalService['attributes'][number]> = {}) => ({
  code,
  datatype,
  variable: true,
  required,
  description: `${code} question`,
  order,
  datatype_description: '',
  values: [],
  ...extra,
})

/** A pothole asking one question of each Open311 datatype, plus a note that asks nothing. */
export const POTHOLE: PortalService = {
  code: 'trm-pothole-repair',
  name: 'Pothole repair',
  description: 'Holes in the road surface.',
  group: 'Streets',
  popular_rank: 1,
  anonymous_allowed: true,
  attributes: [
    question('size', 'singlevaluelist', true, 1, { description: 'How big is it?', values: [{ key: 'small', name: 'Smaller than a plate' }, { key: 'large', name: 'Larger than a plate' }] }),
    question('depth', 'number', false, 2, { description: 'Depth in inches' }),
    question('lanes', 'multivaluelist', false, 3, { description: 'Which lanes?', values: [{ key: 'left', name: 'Left lane' }, { key: 'right', name: 'Right lane' }] }),
    question('seen', 'datetime', false, 4, { description: 'When did you see it?' }),
    question('landmark', 'string', false, 5, { description: 'Nearby landmark' }),
    question('details', 'text', false, 6, { description: 'What happened?' }),
    question('safety', 'string', false, 0, { variable: false, description: 'Call 911 if someone is hurt.' }),
  ],
}

export const MISSED_PICKUP: PortalService = {
  code: 'sw-missed-pickup',
  name: 'Missed trash pickup',
  description: 'Trash or recycling not collected on its day.',
  group: 'Trash and recycling',
  popular_rank: 2,
  anonymous_allowed: false,
  attributes: [],
}

export const STREETLIGHT: PortalService = {
  code: 'trm-streetlight',
  name: 'Streetlight out',
  description: 'A street light that is off or flickering.',
  group: 'Streets',
  popular_rank: null,
  anonymous_allowed: true,
  attributes: [],
}

export const SERVICES = [POTHOLE, MISSED_PICKUP, STREETLIGHT]

export const OPEN_POTHOLE: PublicItem = {
  number: '26-00000042',
  service_code: 'trm-pothole-repair',
  service_name: 'Pothole repair',
  status: 'in_progress',
  requested_at: '2026-11-20T15:00:00Z',
  updated_at: '2026-11-21T15:00:00Z',
  lat: 39.29,
  lon: -76.61,
  address: '2100 block of EASTERN AVE',
  description: 'Deep hole by the bus stop',
}

export const CLOSED_LIGHT: PublicItem = {
  ...OPEN_POTHOLE,
  number: '26-00000043',
  service_code: 'trm-streetlight',
  service_name: 'Streetlight out',
  status: 'closed',
  address: null,
  lat: null,
  lon: null,
  description: null,
}

export const ARTICLE = {
  id: 7,
  title: 'When is my trash picked up?',
  summary: 'Pickup days by neighborhood.',
  body: 'Trash is collected **once a week**.\n\n## Holidays\n\nOne day later.',
  language: 'en',
  updated_at: '2026-11-01T12:00:00Z',
  service_codes: ['sw-missed-pickup'],
}
