import type { components } from '../../api/client'

type ServiceRequest = components['schemas']['ServiceRequestOut']
type Me = components['schemas']['Me']

const HOUR = 3_600_000

/** A request shaped like the API's ServiceRequestOut, due `dueInHours` from now; neither due
 * soon nor overdue unless `overrides` says so, as only the API decides. */
export function aRequest(overrides: Partial<ServiceRequest> = {}, dueInHours = 72): ServiceRequest {
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
    requested_at: new Date(Date.now() - 2 * HOUR).toISOString(),
    updated_at: new Date(Date.now() - HOUR).toISOString(),
    expected_datetime: new Date(Date.now() + dueInHours * HOUR).toISOString(),
    due_soon: false,
    overdue: false,
    closed_at: null,
    areas: [],
    duplicate_of: null,
    version: 1,
    ...overrides,
  }
}

export const STAFF: Me = {
  id: '00000000-0000-4000-8000-000000000005',
  email: 'staff@example.org',
  display_name: 'Sam Staff',
  role: 'staff',
  department: 'transportation',
  tier: 'employee',
}

export const AGENT: Me = { ...STAFF, id: '00000000-0000-4000-8000-000000000002', email: 'agent@example.org', role: 'agent', department: null, tier: null }
