import type { PublicRequest } from './useStatus'

export function aPublicRequest(overrides: Partial<PublicRequest> = {}): PublicRequest {
  return {
    service_request_id: '26-00000042',
    service_name: 'Pothole repair',
    service_code: 'trm-pothole-repair',
    status: 'open',
    status_notes: 'Crew booked for Friday',
    address: '100 N HOLLIDAY ST',
    zipcode: '21202',
    requested_datetime: '2026-03-02T10:00:00-05:00',
    updated_datetime: '2026-03-03T09:00:00-05:00',
    expected_datetime: '2026-03-09T17:00:00-05:00',
    extended_attributes: {
      external_status: 'in_progress',
      notes: [
        { datetime: '2026-03-02T10:00:00-05:00', type: 'opened', summary: 'Request opened', description: 'Request received' },
        {
          datetime: '2026-03-03T08:00:00-05:00',
          type: 'status',
          summary: 'Status changed',
          description: 'Status changed to in progress',
          status: 'in_progress',
          close_reason: null,
          note: null,
        },
        { datetime: '2026-03-03T09:00:00-05:00', type: 'comment', summary: 'Public note', description: 'Crew booked for Friday' },
      ],
    },
    ...overrides,
  }
}
