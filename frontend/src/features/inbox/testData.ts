import type { Conversation, InboxItem, InboxMessage, InboxSuggestions } from './useInbox'

export const CASE_ID = '7f0c2a4e-1b2c-4d5e-8f90-123456789abc'
export const REFERENCE = 'C-7F0C2A4E1B2C'

export const ITEMS: InboxItem[] = [
  {
    case_id: CASE_ID,
    reference: REFERENCE,
    channel: 'email',
    summary: 'Pothole on Holliday',
    sender: 'ana@example.net',
    resident_id: null,
    resident_name: 'Ana Ruiz',
    language: 'en',
    created_at: '2026-12-05T14:00:00Z',
    last_message_at: '2026-12-05T14:05:00Z',
    unread: 2,
    messages: 3,
    version: 2,
  },
  {
    case_id: '0a1b2c3d-0000-4000-8000-000000000002',
    reference: 'C-0A1B2C3D0000',
    channel: 'text',
    summary: 'Trash not picked up',
    sender: '4105550123',
    resident_id: null,
    resident_name: null,
    language: 'es',
    created_at: '2026-12-05T13:00:00Z',
    last_message_at: '2026-12-05T13:00:00Z',
    unread: 0,
    messages: 1,
    version: 1,
  },
]

const INCOMING: InboxMessage = {
  id: 'm1',
  direction: 'in',
  channel: 'email',
  address: 'ana@example.net',
  subject: 'Pothole on Holliday',
  body: 'There is a huge pothole in front of 101 N Holliday St, please fix it.',
  at: '2026-12-05T14:00:00Z',
  read_at: null,
  sent_at: null,
  author_name: null,
  attachments: [
    { filename: 'hole.jpg', content_type: 'image/jpeg', byte_size: 2048, photo_url: '/api/v1/media/p1', refused: null },
    { filename: 'run.exe', content_type: 'application/x-msdownload', byte_size: 512, photo_url: null, refused: 'not an image' },
  ],
}

const OUTGOING: InboxMessage = {
  ...INCOMING,
  id: 'm2',
  direction: 'out',
  subject: `[311 #${REFERENCE}] Re: Pothole on Holliday`,
  body: 'We are on it.',
  at: '2026-12-05T14:02:00Z',
  read_at: '2026-12-05T14:02:00Z',
  sent_at: '2026-12-05T14:02:05Z',
  author_name: 'Alex Agent',
  attachments: [],
}

export const CONVERSATION: Conversation = {
  reference: REFERENCE,
  in_inbox: true,
  resident_name: 'Ana Ruiz',
  case: {
    id: CASE_ID,
    channel: 'email',
    type: 'other',
    language: 'en',
    summary: 'Pothole on Holliday',
    notes: INCOMING.body,
    resident_id: null,
    anonymous: false,
    article_ids: [],
    request_ids: [],
    referral: null,
    department: null,
    resolved_on_first_contact: null,
    tags: [],
    call_id: null,
    started_at: '2026-12-05T14:00:00Z',
    ended_at: null,
    handle_seconds: null,
    agent: { id: null, name: null },
    created_at: '2026-12-05T14:00:00Z',
    updated_at: '2026-12-05T14:00:00Z',
    version: 2,
  },
  messages: [INCOMING, OUTGOING],
}

export const HOLLIDAY = { address: '101 N HOLLIDAY ST', zip: '21202', lat: 39.290917, long: -76.609974, score: 1 }

export const SUGGESTIONS: InboxSuggestions = {
  text: `Pothole on Holliday\n${INCOMING.body}`,
  services: [{ service_code: 'trm-pothole-repair', name: 'Pothole' }],
  articles: [],
  addresses: [{ text: '101 N Holliday St', candidates: [HOLLIDAY] }],
}
