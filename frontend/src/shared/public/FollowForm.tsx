import { useMutation } from '@tanstack/react-query'
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { newIdempotencyKey, portalWrites, type FollowIn } from '../../api/queries/portal'
import { visitorLanguage } from '../../i18n'
import { fieldErrorsOf } from './fieldErrors'
import { Honeypot } from './Honeypot'
import { useProof } from './useProof'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * "Get updates on this request": an email address, then a double opt-in email; nothing is
 * subscribed until the resident confirms from it.
 */
export function FollowForm({ number, headingLevel = 2, insideForm = false }: { number: string; headingLevel?: 2 | 3; insideForm?: boolean }) {
  const { t } = useTranslation()
  const ids = { heading: useId(), email: useId(), error: useId(), hint: useId() }
  const [email, setEmail] = useState('')
  const [website, setWebsite] = useState('')
  const [startedAt] = useState(() => new Date().toISOString())
  // A retry after a lost answer resends the same body under the same key; anything else is new.
  const retry = useRef<{ body: FollowIn; key: string } | null>(null)
  const [invalid, setInvalid] = useState(false)
  const [touched, setTouched] = useState(false)
  const proof = useProof(touched)
  const follow = useMutation({
    mutationFn: async () => {
      const fields = { email: email.trim(), language: visitorLanguage(), website, started_at: startedAt }
      const attempt = retry.current?.body.email === fields.email ? retry.current : { body: { ...fields, proof: await proof.take() }, key: newIdempotencyKey() }
      try {
        return await portalWrites.follow(number, attempt.body, attempt.key)
      } catch (error) {
        retry.current = error instanceof ApiError && error.status < 500 ? null : attempt
        throw error
      }
    },
  })
  const errors = fieldErrorsOf(follow.error, t('public.failed'))
  const emailError = invalid ? t('public.badEmail') : errors.email
  const Heading = `h${headingLevel}` as const

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!EMAIL.test(email.trim())) return setInvalid(true)
    follow.mutate()
  }

  // Inside another form (the report's) a <form> cannot nest: a group whose Enter and button follow.
  const Container = insideForm ? 'div' : 'form'
  const containerProps = insideForm ? { role: 'group', 'aria-labelledby': ids.heading } : { onSubmit: submit, noValidate: true }
  const onEnter = (event: KeyboardEvent) => {
    if (insideForm && event.key === 'Enter') submit(event)
  }

  return (
    <section className="panel follow" aria-labelledby={ids.heading}>
      <Heading id={ids.heading}>{t('public.follow.title')}</Heading>
      {follow.isSuccess ? (
        <p role="status">{t('public.follow.sent', { email: email.trim() })}</p>
      ) : (
        <Container {...containerProps} className="stack">
          <p id={ids.hint} className="muted">
            {t('public.follow.hint')}
          </p>
          <label htmlFor={ids.email}>{t('public.email')}</label>
          <input
            id={ids.email}
            type="email"
            autoComplete="email"
            required
            value={email}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? `${ids.hint} ${ids.error}` : ids.hint}
            onFocus={() => setTouched(true)}
            onKeyDown={onEnter}
            onChange={(event) => {
              setEmail(event.target.value)
              setInvalid(false)
            }}
          />
          <p id={ids.error} className="error" aria-live="polite">
            {emailError}
          </p>
          <Honeypot value={website} onChange={setWebsite} />
          {errors[''] && (
            <p role="alert" className="error">
              {errors['']}
            </p>
          )}
          <button type={insideForm ? 'button' : 'submit'} disabled={follow.isPending} onClick={insideForm ? submit : undefined}>
            {follow.isPending ? t('public.sending') : t('public.follow.submit')}
          </button>
        </Container>
      )}
    </section>
  )
}
