import { useTranslation } from 'react-i18next'
import { useDates } from '../../shared/useDates'
import type { PublicNote, PublicRequest } from './useStatus'

const STATUSES = ['new', 'acknowledged', 'in_progress', 'on_hold', 'closed'] as const
const NOTE_TYPES = ['opened', 'status', 'closed', 'comment', 'merged'] as const
const CLOSE_REASONS = ['resolved', 'not_resolved', 'duplicate', 'referred', 'cancelled'] as const
const PRECISIONS = ['block', 'area'] as const
const isOne = (values: readonly string[], value: string | null | undefined): value is string => values.includes(value ?? '')
const SHOWN_NOTES = 5

/** The fine-grained status when the API gives it, else Open311's open/closed. */
export function statusOf(request: PublicRequest): (typeof STATUSES)[number] | 'open' {
  const external = request.extended_attributes?.external_status
  if ((STATUSES as readonly string[]).includes(external ?? '')) return external as (typeof STATUSES)[number]
  return request.status === 'closed' ? 'closed' : 'open'
}

/** "Status changed to “Being worked on”", "Request closed: the problem has been fixed". */
function noteTitle(note: PublicNote, t: (key: string, values?: Record<string, string>) => string): string {
  if (note.type === 'status' && isOne(STATUSES, note.status)) return t('notes.statusTo', { status: t(`statuses.${note.status}.label`) })
  if (note.type === 'closed' && isOne(CLOSE_REASONS, note.close_reason)) return t('notes.closedBecause', { reason: t(`reasons.${note.close_reason}`) })
  return isOne(NOTE_TYPES, note.type) ? t(`notes.${note.type}`) : note.summary
}

function Note({ note }: { note: PublicNote }) {
  const { t } = useTranslation('status')
  const format = useDates()
  const text = note.type === 'comment' ? note.description : note.note
  return (
    <li>
      <time dateTime={note.datetime}>{format.dateTime(note.datetime)}</time> — {noteTitle(note, t)}
      {text && <p className="status-note">{text}</p>}
    </li>
  )
}

/** Where the request is, as precisely as its service lets the public see. */
function Place({ request }: { request: PublicRequest }) {
  const { t } = useTranslation('status')
  const place = [request.address, request.zipcode].filter(Boolean).join(', ')
  const precision = request.extended_attributes?.location_precision
  return (
    <dd>
      {place || t('noLocation')}
      {isOne(PRECISIONS, precision) && (
        <>
          <br />
          <span className="muted">{t(`precision.${precision}`)}</span>
        </>
      )}
    </dd>
  )
}

/** A request as a resident may see it: reference, service, status in plain words, dates, public updates. */
export function StatusSummary({ request }: { request: PublicRequest }) {
  const { t } = useTranslation('status')
  const format = useDates()
  const status = statusOf(request)
  const notes = [...(request.extended_attributes?.notes ?? [])].reverse().slice(0, SHOWN_NOTES)
  return (
    <>
      <dl className="status-facts">
        <div>
          <dt>{t('reference')}</dt>
          <dd>{request.service_request_id}</dd>
        </div>
        <div>
          <dt>{t('service')}</dt>
          <dd>{request.service_name ?? request.service_code}</dd>
        </div>
        <div>
          <dt>{t('status')}</dt>
          <dd>
            <strong data-status={status}>{t(`statuses.${status}.label`)}</strong>
            <br />
            {t(`statuses.${status}.explain`)}
          </dd>
        </div>
        <div>
          <dt>{t('location')}</dt>
          <Place request={request} />
        </div>
        <div>
          <dt>{t('requested')}</dt>
          <dd>{format.longDay(request.requested_datetime)}</dd>
        </div>
        <div>
          <dt>{t('expected')}</dt>
          <dd>{request.expected_datetime ? format.longDay(request.expected_datetime) : t('noExpected')}</dd>
        </div>
      </dl>
      <h2>{t('updates')}</h2>
      {notes.length === 0 ? (
        <p>{t('noUpdates')}</p>
      ) : (
        <ol className="status-notes">
          {notes.map((note, index) => (
            <Note key={`${note.datetime}-${index}`} note={note} />
          ))}
        </ol>
      )}
    </>
  )
}
