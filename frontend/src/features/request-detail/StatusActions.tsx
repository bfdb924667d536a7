import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, type components } from '../../api/client'
import { PersonalDataWarning } from '../../shared/PersonalDataWarning'
import { ChangeError } from './ChangeError'
import { path, reporterNames, useRequestChange, type ServiceRequest, type Status } from './useRequest'

type CloseReason = components['schemas']['CloseReason']
const CLOSE_REASONS: readonly CloseReason[] = ['resolved', 'not_resolved', 'referred', 'cancelled', 'duplicate']

/** The lifecycle the API enforces (domain/requests/model.py LIFECYCLE), closing and reopening aside. */
const NEXT: Record<Status, readonly Status[]> = {
  new: ['acknowledged', 'in_progress'],
  acknowledged: ['in_progress', 'on_hold'],
  in_progress: ['on_hold'],
  on_hold: ['in_progress'],
  closed: [],
}

type Form = 'none' | 'close' | 'reopen'

/** A status note is public: residents read it with the new status. */
function PublicNoteHint({ id }: { id: string }) {
  const { t } = useTranslation('request-detail')
  return (
    <p id={id} className="muted">
      {t('actions.publicNote')}
    </p>
  )
}

export function StatusActions({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation('request-detail')
  const change = useRequestChange(request.id)
  const [form, setForm] = useState<Form>('none')
  const [reason, setReason] = useState<CloseReason | ''>('')
  const [note, setNote] = useState('')
  const ids = { reason: useId(), note: useId(), heading: useId(), hint: useId(), warning: useId() }
  const closeButton = useRef<HTMLButtonElement>(null)
  const reopenButton = useRef<HTMLButtonElement>(null)
  const pendingFocus = useRef<'close' | 'reopen' | null>(null)

  // When a step is done or cancelled, focus moves to the button of the next step, once the
  // request on screen has caught up (the Reopen button appears only when it shows as closed).
  useEffect(() => {
    const target = pendingFocus.current === 'close' ? closeButton.current : pendingFocus.current === 'reopen' ? reopenButton.current : null
    if (!target) return
    pendingFocus.current = null
    target.focus()
  })

  function closeForm(focus: 'close' | 'reopen') {
    pendingFocus.current = focus
    setForm('none')
  }

  function move(to: Status, extra: { reason?: CloseReason; note?: string } = {}) {
    change.mutate(
      (ifMatch) => api.POST('/api/v1/requests/{request_id}/transitions', { params: path(request.id, ifMatch), body: { to, ...extra } }),
      {
        onSuccess: () => {
          closeForm(to === 'closed' ? 'reopen' : 'close')
          setReason('')
          setNote('')
        },
      },
    )
  }

  function submitClose(event: FormEvent) {
    event.preventDefault()
    if (reason) move('closed', { reason, note: note.trim() || undefined })
  }

  function submitReopen(event: FormEvent) {
    event.preventDefault()
    if (note.trim()) move('in_progress', { note: note.trim() })
  }

  const closed = request.status === 'closed'
  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('actions.heading')}</h2>
      <div className="detail-buttons">
        {NEXT[request.status].map((to) => (
          <button key={to} type="button" disabled={change.isPending} onClick={() => move(to)}>
            {t(`actions.to.${to}`)}
          </button>
        ))}
        {!closed && form !== 'close' && (
          <button ref={closeButton} type="button" className="danger" onClick={() => setForm('close')}>
            {t('actions.close')}
          </button>
        )}
        {closed && form !== 'reopen' && (
          <button ref={reopenButton} type="button" onClick={() => setForm('reopen')}>
            {t('actions.reopen')}
          </button>
        )}
      </div>
      {form === 'close' && (
        <form onSubmit={submitClose} aria-label={t('actions.closeForm')} className="detail-form">
          <label htmlFor={ids.reason}>{t('actions.closeReason')}</label>
          <select id={ids.reason} required autoFocus value={reason} onChange={(event) => setReason(event.target.value as CloseReason)}>
            <option value="">{t('actions.chooseReason')}</option>
            {CLOSE_REASONS.map((value) => (
              <option key={value} value={value}>
                {t(`closeReasons.${value}`)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.note}>{t('actions.closeNote')}</label>
          <PublicNoteHint id={ids.hint} />
          <textarea id={ids.note} rows={2} maxLength={4000} value={note} aria-describedby={`${ids.hint} ${ids.warning}`} onChange={(event) => setNote(event.target.value)} />
          <PersonalDataWarning id={ids.warning} text={note} names={reporterNames(request)} />
          <div className="detail-buttons">
            <button type="submit" disabled={!reason || change.isPending}>
              {t('actions.confirmClose')}
            </button>
            <button type="button" className="secondary" onClick={() => closeForm('close')}>
              {t('actions.cancel')}
            </button>
          </div>
        </form>
      )}
      {form === 'reopen' && (
        <form onSubmit={submitReopen} aria-label={t('actions.reopen')} className="detail-form">
          <label htmlFor={ids.note}>{t('actions.reopenNote')}</label>
          <PublicNoteHint id={ids.hint} />
          <textarea
            id={ids.note}
            rows={2}
            required
            autoFocus
            maxLength={4000}
            value={note}
            aria-describedby={`${ids.hint} ${ids.warning}`}
            onChange={(event) => setNote(event.target.value)}
          />
          <PersonalDataWarning id={ids.warning} text={note} names={reporterNames(request)} />
          <div className="detail-buttons">
            <button type="submit" disabled={!note.trim() || change.isPending}>
              {t('actions.confirmReopen')}
            </button>
            <button type="button" className="secondary" onClick={() => closeForm('reopen')}>
              {t('actions.cancel')}
            </button>
          </div>
        </form>
      )}
      <ChangeError error={change.error} />
    </section>
  )
}
