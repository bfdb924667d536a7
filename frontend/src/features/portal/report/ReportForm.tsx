import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PortalService } from '../../../api/queries/portal'
import { Honeypot } from '../../../shared/public/Honeypot'
import { ContactFields } from './ContactFields'
import { ErrorSummary } from './ErrorSummary'
import { Field } from './Field'
import { LocationFields } from './LocationFields'
import { Nearby } from './Nearby'
import { PhotoField } from './PhotoField'
import { QuestionField } from './QuestionField'
import { refusalErrors, useSubmitReport, type Outcome } from './useSubmitReport'
import { EMPTY_CONTACT, validate, type Errors, type ReportDraft } from './validate'

const EMPTY: ReportDraft = { answers: {}, description: '', location: { address: '', point: null }, contact: EMPTY_CONTACT, consent: false, website: '' }

/** The report form of one service: its questions, the place, a photo, contact details and consent. */
export function ReportForm({ service, onDone }: { service: PortalService; onDone: (outcome: Outcome) => void }) {
  const { t, i18n } = useTranslation('portal')
  const [draft, setDraft] = useState<ReportDraft>(EMPTY)
  const [photo, setPhoto] = useState<Blob | null>(null)
  const [photoError, setPhotoError] = useState<string | undefined>()
  const [served, setServed] = useState(true)
  const [errors, setErrors] = useState<Errors>({})
  const [attempt, setAttempt] = useState(0)
  const [touched, setTouched] = useState(false)
  const submit = useSubmitReport(service, t('errors.photoFailed'), touched)
  const questions = [...service.attributes].sort((a, b) => a.order - b.order)
  const change = (part: Partial<ReportDraft>) => setDraft((current) => ({ ...current, ...part }))
  // Whether the errors shown are the form's own findings, which a language switch says again.
  const [ownFindings, setOwnFindings] = useState(false)
  const [language, setLanguage] = useState(i18n.language)
  const check = () => ({ ...validate(service, draft, t), ...(served ? {} : { location: t('errors.outside') }), ...(photoError ? { photo: photoError } : {}) })
  if (language !== i18n.language) {
    setLanguage(i18n.language)
    if (ownFindings) setErrors(check())
  }

  function send(event: FormEvent) {
    event.preventDefault()
    if (submit.isPending) return
    const found = check()
    setErrors(found)
    setOwnFindings(true)
    if (Object.keys(found).length > 0) return setAttempt((count) => count + 1)
    submit.mutate(
      { draft, photo },
      {
        onSuccess: onDone,
        onError: (error) => {
          setErrors(refusalErrors(error, t('errors.failed')))
          setOwnFindings(false)
          setAttempt((count) => count + 1)
        },
      },
    )
  }

  return (
    <form className="report-form" onSubmit={send} onFocus={() => setTouched(true)} noValidate>
      <ErrorSummary errors={errors} attempt={attempt} />
      {questions.length > 0 && (
        <fieldset className="report-step">
          <legend>
            <h2>{t('report.questions')}</h2>
          </legend>
          {questions.map((question) =>
            question.variable ? (
              <QuestionField
                key={question.code}
                question={question}
                value={draft.answers[question.code]}
                error={errors[`attributes.${question.code}`]}
                onChange={(value) => change({ answers: { ...draft.answers, [question.code]: value } })}
              />
            ) : (
              <p key={question.code} className="banner info">
                {question.description}
              </p>
            ),
          )}
        </fieldset>
      )}
      <LocationFields serviceCode={service.code} location={draft.location} error={errors.location} onChange={(location) => change({ location })} onServed={setServed} />
      <Nearby serviceCode={service.code} point={draft.location.point} />
      <Field name="description" label={<>{t('report.description')} <span className="optional">{t('report.optional')}</span></>} hint={t('report.descriptionHint')} error={errors.description}>
        {(control) => <textarea {...control} rows={4} maxLength={4000} value={draft.description} onChange={(event) => change({ description: event.target.value })} />}
      </Field>
      <PhotoField
        photo={photo}
        error={photoError ?? errors.photo}
        onChange={(next) => {
          setPhoto(next)
          setPhotoError(undefined)
        }}
        onError={setPhotoError}
      />
      <ContactFields contact={draft.contact} anonymousAllowed={service.anonymous_allowed} errors={errors} onChange={(contact) => change({ contact })} />
      <section className="report-step" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('privacy.title')}</h2>
        <p id="privacy-text">{t('privacy.text')}</p>
        <div className={errors.consent ? 'field field-error' : 'field'}>
          {errors.consent && (
            <span id="f-consent-error" className="error">
              {errors.consent}
            </span>
          )}
          <label className="check">
            <input
              id="f-consent"
              type="checkbox"
              checked={draft.consent}
              aria-invalid={errors.consent ? true : undefined}
              aria-describedby={errors.consent ? 'privacy-text f-consent-error' : 'privacy-text'}
              onChange={(event) => change({ consent: event.target.checked })}
            />{' '}
            {t('privacy.consent')}
          </label>
        </div>
      </section>
      <Honeypot value={draft.website} onChange={(website) => change({ website })} />
      <button type="submit" className="primary-action" disabled={submit.isPending}>
        {submit.isPending ? t('report.sending') : t('report.submit')}
      </button>
      {submit.isPending && <p role="status">{t('report.sending')}</p>}
    </form>
  )
}
