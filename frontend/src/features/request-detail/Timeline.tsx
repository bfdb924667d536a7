import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { useDates } from '../../shared/useDates'
import type { NameOf } from '../../shared/useNames'
import { useTimeline, type TimelineEntry } from './useRequest'

/** Display names of the staff and departments a timeline entry names by id or code. */
export type Names = { user: NameOf; department: NameOf }

function headline(entry: TimelineEntry, t: TFunction, names: Names): string {
  const data = entry.data
  const status = (value: string | null | undefined) => (value ? t(`status.${value}`) : '—')
  switch (entry.kind) {
    case 'created':
      return t('timeline.kind.created', { channel: data.channel ? t(`channel.${data.channel}`) : '' })
    case 'status':
      return t('timeline.kind.status', { from: status(data.from), to: status(data.to) })
    case 'assignment':
      return `${t('timeline.kind.assignment')}: ${data.to ? names.user(data.to) : t('assign.nobody')}`
    case 'transfer':
      return t('timeline.kind.transfer', { from: names.department(data.from ?? ''), to: names.department(data.to ?? '') })
    case 'priority':
      return t('timeline.kind.priority', { from: t(`priority.${data.from}`), to: t(`priority.${data.to}`) })
    case 'merge':
      return data.into ? t('timeline.kind.mergeInto', { id: data.into }) : t('timeline.kind.mergeFrom', { id: data.from ?? '' })
    default:
      return t('timeline.kind.comment')
  }
}

function details(entry: TimelineEntry, t: TFunction): string[] {
  const { data } = entry
  const lines: string[] = []
  if (entry.kind === 'comment' && data.body) lines.push(data.body)
  const photos = entry.kind === 'comment' && typeof data.photos === 'string' ? data.photos.split(',').filter(Boolean).length : 0
  if (photos) lines.push(t('timeline.photos', { count: photos }))
  if (data.reason) lines.push(t('timeline.reason', { reason: entry.kind === 'status' ? t(`closeReasons.${data.reason}`) : data.reason }))
  if (data.note) lines.push(t('timeline.note', { note: data.note }))
  return lines
}

/** Every change, oldest first; internal entries are marked as such. */
export function Timeline({ requestId, names }: { requestId: string; names: Names }) {
  const { t } = useTranslation('request-detail')
  const timeline = useTimeline(requestId)
  const heading = useId()
  const when = useDates().dateTime
  const items = timeline.data?.items ?? []
  return (
    <section className="panel" aria-labelledby={heading}>
      <h2 id={heading}>{t('timeline.heading')}</h2>
      {timeline.isPending && <p role="status">{t('timeline.loading')}</p>}
      {timeline.isError && (
        <p role="alert" className="error">
          {timeline.error.message}
        </p>
      )}
      {timeline.data && items.length === 0 && <p>{t('timeline.empty')}</p>}
      <ol className="timeline">
        {items.map((entry, index) => (
          <li key={`${entry.at}-${index}`} className={`timeline-${entry.visibility}`}>
            <p className="timeline-head">
              <strong>{headline(entry, t, names)}</strong>{' '}
              <span className={`tag tag-${entry.visibility}`}>{t(`timeline.${entry.visibility}`)}</span>
            </p>
            <p className="muted">
              <time dateTime={entry.at}>{when(entry.at)}</time> · {entry.actor.name || t('timeline.system')}
            </p>
            {details(entry, t).map((line) => (
              <p key={line} className="timeline-text">
                {line}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </section>
  )
}
