import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { KnowledgePanel } from '../../shared/contact/KnowledgePanel'
import type { Article } from '../../shared/contact/queries'
import type { Done } from './ConversationPage'
import { FormError } from './FormError'
import { useCloseCase, type CloseBody, type Conversation } from './useInbox'

type Props = { conversation: Conversation; onDone: (done: Done) => void; onCancel: () => void }
type Kind = CloseBody['type'] & string
type Target = '911' | '211' | 'external'

const KINDS: readonly Kind[] = ['information', 'referral', 'other']
const TARGETS: readonly Target[] = ['211', 'external', '911']

/** Close without a request: answered from the knowledge base, referred elsewhere, or other. */
export function CloseForm({ conversation, onDone, onCancel }: Props) {
  const { t } = useTranslation('inbox')
  const id = useId()
  const [kind, setKind] = useState<Kind>('information')
  const [used, setUsed] = useState<Article[]>([])
  const [resolved, setResolved] = useState(true)
  const [target, setTarget] = useState<Target>('211')
  const [agency, setAgency] = useState('')
  const close = useCloseCase(conversation.case.id)
  const said = [conversation.case.summary, ...conversation.messages.filter((m) => m.direction === 'in').map((m) => m.body)].join('\n')

  function toggle(article: Article) {
    setUsed((now) => (now.some((a) => a.id === article.id) ? now.filter((a) => a.id !== article.id) : [...now, article]))
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    const body: CloseBody = {
      type: kind,
      article_ids: kind === 'information' ? used.map((article) => article.id) : [],
      resolved_on_first_contact: resolved,
      referral: kind === 'referral' ? { target, agency: agency.trim() || undefined } : undefined,
    }
    close.mutate(body, { onSuccess: () => onDone({ kind: 'closed' }) })
  }

  return (
    <form className="panel close-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>{t('close.title')}</h2>
      <fieldset className="inline-options">
        <legend>{t('close.kind')}</legend>
        {KINDS.map((option, index) => (
          <label key={option}>
            {/* The agent asked for this form with C: its first choice takes the focus. */}
            <input type="radio" name={`${id}-kind`} value={option} autoFocus={index === 0} checked={kind === option} onChange={() => setKind(option)} />{' '}
            {t(`types.${option}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'information' && (
        <KnowledgePanel said={said} language={conversation.case.language?.split('-')[0] || 'en'} used={used} onToggle={toggle} />
      )}
      {kind === 'referral' && (
        <div className="referral-fields">
          <div className="field">
            <label htmlFor={`${id}-target`}>{t('close.target')}</label>
            <select id={`${id}-target`} value={target} onChange={(event) => setTarget(event.target.value as Target)}>
              {TARGETS.map((option) => (
                <option key={option} value={option}>
                  {t(`close.targets.${option}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-agency`}>{t('close.agency')}</label>
            <input id={`${id}-agency`} maxLength={200} value={agency} onChange={(event) => setAgency(event.target.value)} />
          </div>
        </div>
      )}
      <label className="check">
        <input type="checkbox" checked={resolved} onChange={(event) => setResolved(event.target.checked)} /> {t('close.resolved')}
      </label>
      <FormError error={close.error} />
      <div className="actions">
        <button type="submit" disabled={close.isPending}>
          {close.isPending ? t('close.sending') : t('close.submit')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  )
}
