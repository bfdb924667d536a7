import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { CloseForm } from './CloseForm'
import { MessageList } from './MessageList'
import { ReplyBox } from './ReplyBox'
import { RequestForm } from './RequestForm'
import { usePageKeys } from './usePageKeys'
import { useConversation, useMarkRead, type Conversation } from './useInbox'
import './inbox.css'

type Mode = 'read' | 'reply' | 'request' | 'close'
export type Done = { kind: 'replied' | 'request' | 'closed'; requestId?: string }

/** One case of the Inbox: its messages, and R reply, T turn into a request, C close, Esc back. */
export function ConversationPage() {
  const { t } = useTranslation('inbox')
  const caseId = useParams().caseId ?? ''
  const conversation = useConversation(caseId)
  const navigate = useNavigate()
  const [mode, setMode] = useState<Mode>('read')
  const [done, setDone] = useState<Done | null>(null)
  const data = conversation.data?.conversation
  useMarkReadOnce(caseId, data)
  const open = !!data?.in_inbox

  function start(next: Mode) {
    if (!data || (next !== 'reply' && !open)) return false
    setDone(null)
    setMode(next)
  }

  function finish(result: Done) {
    setMode('read')
    setDone(result)
  }

  usePageKeys({
    r: () => start('reply'),
    t: () => start('request'),
    c: () => start('close'),
    Escape: () => (mode === 'read' ? void navigate('/inbox') : setMode('read')),
  })

  if (conversation.isPending) return <p role="status">{t('loading')}</p>
  if (conversation.isError || !data)
    return (
      <p role="alert" className="error">
        {t('conversation.failed', { message: conversation.error?.message ?? '' })}
      </p>
    )
  const { case: contact } = data
  return (
    <section className="inbox-conversation" aria-labelledby="conversation-title">
      <p>
        <Link to="/inbox" aria-keyshortcuts="Escape">
          {t('conversation.back')}
        </Link>
      </p>
      <h1 id="conversation-title">{contact.summary || t('noSubject')}</h1>
      <p className="muted">
        {[data.reference, t(`channels.${contact.channel === 'text' ? 'text' : 'email'}`), data.resident_name].filter(Boolean).join(' · ')}
      </p>
      {!open && <p className="banner info">{t('conversation.handled', { type: t(`types.${contact.type}`) })}</p>}
      <Outcome done={done} />
      <MessageList messages={data.messages} />
      <div className="actions" role="toolbar" aria-label={t('conversation.actions')}>
        <button type="button" aria-keyshortcuts="r" aria-pressed={mode === 'reply'} onClick={() => start('reply')}>
          {t('actions.reply')}
        </button>
        <button type="button" aria-keyshortcuts="t" aria-pressed={mode === 'request'} disabled={!open} onClick={() => start('request')}>
          {t('actions.request')}
        </button>
        <button type="button" aria-keyshortcuts="c" aria-pressed={mode === 'close'} disabled={!open} onClick={() => start('close')}>
          {t('actions.close')}
        </button>
      </div>
      {mode === 'reply' && <ReplyBox conversation={data} onDone={finish} onCancel={() => setMode('read')} />}
      {mode === 'request' && <RequestForm conversation={data} onDone={finish} onCancel={() => setMode('read')} />}
      {mode === 'close' && <CloseForm conversation={data} onDone={finish} onCancel={() => setMode('read')} />}
    </section>
  )
}

/** Opening a conversation reads its new messages: they are marked read once per visit. */
function useMarkReadOnce(caseId: string, data: Conversation | undefined) {
  const markRead = useMarkRead(caseId)
  const marked = useRef<string | null>(null)
  const unread = data?.messages.some((message) => message.direction === 'in' && !message.read_at) ?? false
  useEffect(() => {
    if (!unread || marked.current === caseId) return
    marked.current = caseId
    markRead.mutate()
  }, [unread, caseId, markRead])
}

function Outcome({ done }: { done: Done | null }) {
  const { t } = useTranslation('inbox')
  return (
    <div role="status" aria-live="polite">
      {done?.kind === 'replied' && <p className="banner info">{t('done.replied')}</p>}
      {done?.kind === 'closed' && <p className="banner info">{t('done.closed')}</p>}
      {done?.kind === 'request' && done.requestId && (
        <p className="banner info">
          {t('done.request')} <Link to={`/requests/${encodeURIComponent(done.requestId)}`}>{done.requestId}</Link>
        </p>
      )}
    </div>
  )
}

export default ConversationPage
