import type { components } from '../../api/client'

type ServiceRequest = components['schemas']['ServiceRequestOut']
type Me = components['schemas']['Me']
type TimelineEntry = components['schemas']['TimelineEntryOut']
type Linked = components['schemas']['LinkedRequests']
type LinkedRequest = components['schemas']['LinkedRequestOut']

export function aRequest(overrides: Partial<ServiceRequest> = {}): ServiceRequest {
  return {
    id: '26-00000001',
    service_code: 'trm-pothole-repair',
    department: 'transportation',
    status: 'new',
    close_reason: null,
    description: 'Deep pothole in the right lane',
    location: { lat: 39.29, long: -76.61, address: '100 N Holliday St', hint: null },
    attributes: {},
    reporter: { first_name: 'Rosa', last_name: 'Parks', email: null, phone: null, language: 'en' },
    resident_id: null,
    channel: 'phone',
    priority: 'normal',
    assignee_id: null,
    external_id: null,
    requested_at: '2026-11-24T10:00:00Z',
    updated_at: '2026-11-24T11:00:00Z',
    expected_datetime: '2026-11-27T10:00:00Z',
    due_soon: false,
    overdue: false,
    closed_at: null,
    areas: [],
    duplicate_of: null,
    version: 3,
    ...overrides,
  }
}

export const entry = (overrides: Partial<TimelineEntry>): TimelineEntry => ({
  kind: 'created',
  at: '2026-11-24T10:00:00Z',
  actor: { id: null, name: 'Alex Agent' },
  visibility: 'public',
  data: {},
  ...overrides,
})

export const TIMELINE = {
  items: [
    entry({ kind: 'created', data: { status: 'new', channel: 'phone' } }),
    entry({ kind: 'comment', visibility: 'internal', data: { body: 'Crew booked for Friday' } }),
    entry({ kind: 'comment', visibility: 'public', data: { body: 'We will fix it this week', photos: '00000000-0000-4000-8000-000000000001,00000000-0000-4000-8000-000000000002' } }),
    entry({ kind: 'status', data: { from: 'new', to: 'closed', reason: 'resolved', note: 'patched' } }),
    entry({ kind: 'assignment', visibility: 'internal', data: { from: null, to: 'u-mia' } }),
    entry({ kind: 'transfer', data: { from: 'sanitation', to: 'transportation', reason: 'wrong department' } }),
    entry({ kind: 'priority', visibility: 'internal', data: { from: 'normal', to: 'high' } }),
    entry({ kind: 'merge', data: { from: '26-00000007' } }),
  ],
}

const base: Me = { id: 'u-me', email: 'me@example.org', display_name: 'Me', role: 'staff', department: 'transportation', tier: 'employee' }
export const STAFF: Me = base
export const MANAGER: Me = { ...base, tier: 'manager' }
export const SUPERVISOR: Me = { ...base, role: 'supervisor', department: null, tier: null }

const user = (id: string, name: string, department: string | null, active = true) => ({
  id,
  email: `${id}@example.org`,
  display_name: name,
  role: 'staff' as const,
  department,
  tier: 'employee' as const,
  active,
  created_at: '2026-01-01T00:00:00Z',
})

export const USERS = {
  items: [user('u-mia', 'Mia Road', 'transportation'), user('u-old', 'Old Timer', 'transportation', false), user('u-san', 'Sal Bin', 'sanitation')],
}

export const DEPARTMENTS = {
  items: [
    { code: 'transportation', name: 'Transportation' },
    { code: 'sanitation', name: 'Sanitation' },
  ],
}

export const SERVICES = {
  items: [
    { code: 'trm-pothole-repair', name: 'Pothole repair' },
    { code: 'sw-dirty-alley', name: 'Dirty alley' },
  ],
}

export const NO_LINKS: Linked = { duplicate_of: null, duplicates: [] }

export const aLink = (id: string, reporter: Partial<LinkedRequest['reporter']>, overrides: Partial<LinkedRequest> = {}): LinkedRequest => ({
  id,
  status: 'closed',
  channel: 'web',
  requested_at: '2026-11-25T15:30:00Z',
  reporter: { first_name: null, last_name: null, email: null, phone: null, language: null, ...reporter },
  ...overrides,
})
