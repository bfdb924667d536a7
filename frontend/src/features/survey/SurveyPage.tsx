import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { ApiError } from '../../api/client'
import { useAnswerSurvey, useCommentSurvey, useSurvey, type Survey } from './useSurvey'
import './survey.css'

const SCORES = [5, 4, 3, 2, 1] as const
const MAX_COMMENT = 2000

type T = (key: string, options?: Record<string, unknown>) => string

/** What a refusal means to the resident: the link is forged, too old, used, or we failed. */
function problemText(error: Error, t: T): string {
  const status = error instanceof ApiError ? error.status : 0
  if (status === 403) return t('invalid')
  if (status === 410) return t('expired')
  if (status === 409) return t('answered')
  if (status === 429) return t('tooMany')
  return t('failed')
}

function scoreFromLink(text: string | null): number | null {
  const score = Number(text)
  return Number.isInteger(score) && score >= 1 && score <= 5 ? score : null
}

/**
 * `/survey/:token`: the satisfaction survey of a closed request, from the link in the email or
 * text. The score the resident clicked in the email (`?score=4`) comes chosen; nothing is sent
 * until they press Send, since mail scanners open links by themselves. No sign-in.
 */
export function SurveyPage() {
  const { t } = useTranslation('survey')
  const token = useParams().token ?? ''
  const chosen = scoreFromLink(useSearchParams()[0].get('score'))
  const survey = useSurvey(token)
  return (
    <section className="portal survey-page" aria-labelledby="survey-title">
      <h1 id="survey-title">{t('title')}</h1>
      {survey.isPending && <p role="status">{t('loading')}</p>}
      {survey.isError && (
        <p role="alert" className="error">
          {problemText(survey.error, t)}
        </p>
      )}
      {survey.data && !survey.data.answered && <AnswerForm token={token} survey={survey.data} chosen={chosen} />}
      {survey.data?.answered && <Thanks token={token} survey={survey.data} />}
      <p>
        <Link to="/status">{t('status')}</Link>
      </p>
    </section>
  )
}

function AnswerForm({ token, survey, chosen }: { token: string; survey: Survey; chosen: number | null }) {
  const { t } = useTranslation('survey')
  const [score, setScore] = useState<number | null>(chosen)
  const [comment, setComment] = useState('')
  const [missing, setMissing] = useState(false)
  const answer = useAnswerSurvey(token)
  const ids = { hint: useId(), comment: useId(), commentHint: useId(), missing: useId() }

  function choose(value: number) {
    setScore(value)
    setMissing(false)
  }

  function send(event: FormEvent) {
    event.preventDefault()
    if (score === null) {
      setMissing(true)
      return
    }
    answer.mutate({ score, ...(comment.trim() ? { comment: comment.trim() } : {}) })
  }

  return (
    <form onSubmit={send} noValidate>
      <fieldset aria-describedby={missing ? ids.missing : undefined}>
        <legend>{t('question', { number: survey.number })}</legend>
        <div className="survey-scores">
          {SCORES.map((value) => (
            <label key={value}>
              <input type="radio" name="score" value={value} checked={score === value} onChange={() => choose(value)} />
              {t(`scores.${value}`)}
            </label>
          ))}
        </div>
        {missing && (
          <p id={ids.missing} role="alert" className="error">
            {t('chooseScore')}
          </p>
        )}
      </fieldset>
      <label htmlFor={ids.comment}>{t('comment')}</label>
      <p id={ids.commentHint} className="muted">
        {t('commentHint')}
      </p>
      <textarea id={ids.comment} aria-describedby={ids.commentHint} maxLength={MAX_COMMENT} rows={4} value={comment} onChange={(e) => setComment(e.target.value)} />
      <div className="actions">
        <button type="submit" disabled={answer.isPending}>
          {answer.isPending ? t('sending') : t('send')}
        </button>
      </div>
      {answer.isError && (
        <p role="alert" className="error">
          {problemText(answer.error, t)}
        </p>
      )}
    </form>
  )
}

function Thanks({ token, survey }: { token: string; survey: Survey }) {
  const { t } = useTranslation('survey')
  const [comment, setComment] = useState('')
  const add = useCommentSurvey(token)
  const id = useId()
  return (
    <>
      <p role="status" className="panel">
        {survey.commented ? t('thanksWithComment') : t('thanks', { score: survey.score })}
      </p>
      {!survey.commented && (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            if (comment.trim()) add.mutate(comment.trim())
          }}
        >
          <label htmlFor={id}>{t('addComment')}</label>
          <textarea id={id} maxLength={MAX_COMMENT} rows={4} value={comment} onChange={(e) => setComment(e.target.value)} />
          <div className="actions">
            <button type="submit" disabled={add.isPending || !comment.trim()}>
              {t('sendComment')}
            </button>
          </div>
          {add.isError && (
            <p role="alert" className="error">
              {problemText(add.error, t)}
            </p>
          )}
        </form>
      )}
    </>
  )
}

export default SurveyPage
