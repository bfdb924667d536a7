import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useDates } from '../../shared/useDates'
import { usePageKeys } from './usePageKeys'
import { NO_FILTER, useInboxList, type InboxFilter, type InboxItem } from './useInbox'
import './inbox.css'

/** The agent's Inbox: emails and texts waiting for an answer. J/K or the arrows move, Enter opens. */
export function InboxPage() {
  const { t } = useTranslation('inbox')
  const [filter, setFilter] = useState<InboxFilter>(NO_FILTER)
  const list = useInboxList(filter)
  const items = list.data?.items ?? []
  const navigate = useNavigate()
  const [active, setActive] = useState(0)
  const links = useRef<(HTMLAnchorElement | null)[]>([])
  const current = Math.min(active, Math.max(items.length - 1, 0))

  function move(step: 1 | -1) {
    if (!items.length) return
    const focused = links.current.findIndex((link) => link === document.activeElement)
    const from = focused === -1 ? current : focused
    const next = Math.min(Math.max(from + step, 0), items.length - 1)
    setActive(next)
    links.current[next]?.focus()
  }

  usePageKeys({
    j: () => move(1),
    k: () => move(-1),
    ArrowDown: () => move(1),
    ArrowUp: () => move(-1),
    Enter: () => {
      const focus = document.activeElement
      const item = items[current]
      if (!item || (focus && focus !== document.body && !focus.closest('.inbox-list'))) return false
      void navigate(`/inbox/${item.case_id}`)
    },
  })

  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('title')}</h1>
      <Filters filter={filter} onChange={setFilter} />
      {list.isPending && <p role="status">{t('loading')}</p>}
      {list.isError && (
        <p role="alert" className="error">
          {t('failed', { message: list.error.message })}
        </p>
      )}
      {list.data && (
        <>
          <p aria-live="polite" className="muted">
            {t('summary', { count: list.data.total, unread: list.data.unread_total })}
            {list.data.total > items.length && ` ${t('partial', { shown: items.length })}`}
          </p>
          {items.length === 0 ? (
            <p>{t('empty')}</p>
          ) : (
            <ul className="inbox-list" aria-label={t('listLabel')} aria-keyshortcuts="j k Enter">
              {items.map((item, index) => (
                <QueueItem
                  key={item.case_id}
                  item={item}
                  selected={index === current}
                  linkRef={(link) => {
                    links.current[index] = link
                  }}
                  onFocus={() => setActive(index)}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}

function Filters({ filter, onChange }: { filter: InboxFilter; onChange: (filter: InboxFilter) => void }) {
  const { t } = useTranslation('inbox')
  const id = useId()
  return (
    <div className="inbox-filters" role="group" aria-label={t('filters.label')}>
      <label htmlFor={`${id}-channel`}>{t('filters.channel')}</label>
      <select id={`${id}-channel`} value={filter.channel} onChange={(event) => onChange({ ...filter, channel: event.target.value as InboxFilter['channel'] })}>
        <option value="">{t('filters.any')}</option>
        <option value="email">{t('channels.email')}</option>
        <option value="text">{t('channels.text')}</option>
      </select>
      <label>
        <input type="checkbox" checked={filter.unread} onChange={(event) => onChange({ ...filter, unread: event.target.checked })} /> {t('filters.unread')}
      </label>
    </div>
  )
}

type ItemProps = { item: InboxItem; selected: boolean; linkRef: (link: HTMLAnchorElement | null) => void; onFocus: () => void }

function QueueItem({ item, selected, linkRef, onFocus }: ItemProps) {
  const { t } = useTranslation('inbox')
  const when = useDates().dateTime
  const from = item.resident_name ? `${item.resident_name} <${item.sender ?? ''}>` : (item.sender ?? t('unknownSender'))
  return (
    <li className={[selected ? 'selected' : '', item.unread ? 'unread' : ''].filter(Boolean).join(' ')}>
      <Link
        ref={linkRef}
        to={`/inbox/${item.case_id}`}
        onFocus={onFocus}
        aria-describedby={`${item.case_id}-meta`}
      >
        {item.summary || t('noSubject')}
      </Link>
      {item.unread > 0 && <span className="badge unread-count">{t('unread', { count: item.unread })}</span>}
      <span id={`${item.case_id}-meta`} className="muted meta">
        {[t(`channels.${item.channel}`), from, item.reference, when(item.last_message_at ?? item.created_at), t('messages', { count: item.messages })].join(' · ')}
      </span>
    </li>
  )
}

export default InboxPage
