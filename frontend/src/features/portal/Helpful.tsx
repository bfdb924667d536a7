import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { portalWrites } from '../../api/queries/portal'

/** "Was this helpful?": one answer per visit, counted as the article's feedback. */
export function Helpful({ articleId }: { articleId: number }) {
  const { t } = useTranslation('portal')
  const feedback = useMutation({ mutationFn: (helpful: boolean) => portalWrites.feedback(articleId, helpful) })
  return (
    <section className="panel" aria-labelledby="helpful">
      <h2 id="helpful">{t('answer.helpful')}</h2>
      {feedback.isSuccess ? (
        <p role="status">{t('answer.thanks')}</p>
      ) : (
        <div className="button-row">
          <button type="button" className="secondary" disabled={feedback.isPending} onClick={() => feedback.mutate(true)}>
            {t('answer.yes')}
          </button>
          <button type="button" className="secondary" disabled={feedback.isPending} onClick={() => feedback.mutate(false)}>
            {t('answer.no')}
          </button>
        </div>
      )}
      {feedback.isError && (
        <p role="alert" className="error">
          {t('answer.feedbackFailed')}
        </p>
      )}
    </section>
  )
}
