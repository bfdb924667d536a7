import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Done } from './ConversationPage'
import { FormError } from './FormError'
import { useReply, useTemplates, type Conversation } from './useInbox'

/** Where the reply goes: the address of the resident's latest message. */
function residentAddress(conversation: Conversation): string {
  const incoming = conversation.messages.filter((message) => message.direction === 'in')
  return incoming[incoming.length - 1]?.address ?? ''
}

type Props = { conversation: Conversation; onDone: (done: Done) => void; onCancel: () => void }

/** The agent's answer, started from a template in the resident's language or typed. */
export function ReplyBox({ conversation, onDone, onCancel }: Props) {
  const { t } = useTranslation('inbox')
  const id = useId()
  const language = conversation.case.language?.split('-')[0] || 'en'
  const templates = useTemplates(language).data?.items ?? []
  const reply = useReply(conversation.case.id)
  const [template, setTemplate] = useState('')
  const [body, setBody] = useState('')

  function pick(key: string) {
    setTemplate(key)
    const chosen = templates.find((item) => item.key === key)
    if (chosen) setBody(chosen.body.replaceAll('${reference}', conversation.reference))
  }

  function send(event: FormEvent) {
    event.preventDefault()
    if (!body.trim()) return
    reply.mutate({ body, template: template || undefined }, { onSuccess: () => onDone({ kind: 'replied' }) })
  }

  return (
    <form className="panel reply-box" aria-labelledby={`${id}-title`} onSubmit={send}>
      <h2 id={`${id}-title`}>{t('reply.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-template`}>{t('reply.template')}</label>
        <select id={`${id}-template`} value={template} onChange={(event) => pick(event.target.value)}>
          <option value="">{t('reply.noTemplate')}</option>
          {templates.map((item) => (
            <option key={item.key} value={item.key}>
              {item.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('reply.body')}</label>
        <textarea id={`${id}-body`} rows={8} maxLength={8000} required autoFocus value={body} onChange={(event) => setBody(event.target.value)} />
        <span className="muted">{t('reply.hint', { address: residentAddress(conversation) })}</span>
      </div>
      <FormError error={reply.error} />
      <div className="actions">
        <button type="submit" disabled={reply.isPending || !body.trim()}>
          {reply.isPending ? t('reply.sending') : t('reply.send')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  )
}
