import { useTranslation } from 'react-i18next'
import { useDates } from '../../shared/useDates'
import type { InboxMessage } from './useInbox'

/** The messages in and out, oldest first: who wrote, when, the text, and what came with it. */
export function MessageList({ messages }: { messages: readonly InboxMessage[] }) {
  const { t } = useTranslation('inbox')
  const when = useDates().dateTime
  return (
    <ol className="messages" aria-label={t('conversation.messages')}>
      {messages.map((message) => (
        <li key={message.id} className={`message ${message.direction}`}>
          <article aria-labelledby={`${message.id}-from`}>
            <header>
              <strong id={`${message.id}-from`}>
                {message.direction === 'in'
                  ? t('conversation.from', { address: message.address })
                  : t('conversation.to', { address: message.address, author: message.author_name ?? t('conversation.us') })}
              </strong>{' '}
              <span className="muted">
                {t(`channels.${message.channel}`)} · <time dateTime={message.at}>{when(message.at)}</time>
              </span>
            </header>
            {message.subject && <p className="subject">{message.subject}</p>}
            <p className="body">{message.body || t('conversation.empty')}</p>
            {message.attachments.length > 0 && (
              <ul className="attachments" aria-label={t('conversation.attachments')}>
                {message.attachments.map((attachment, index) => (
                  <li key={`${attachment.filename}-${index}`}>
                    {attachment.photo_url ? <a href={attachment.photo_url}>{attachment.filename}</a> : attachment.filename}
                    {attachment.refused && <span className="badge warn"> {t('conversation.refused', { reason: attachment.refused })}</span>}
                  </li>
                ))}
              </ul>
            )}
          </article>
        </li>
      ))}
    </ol>
  )
}
