import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { articlePath, isConflict, useArticleChange, type Article } from './useArticles'

/** Edits title, summary, body and review date, sent with If-Match; a 412 keeps the text typed. */
export function ArticleEditor({ article, onDone }: { article: Article; onDone: () => void }) {
  const { t } = useTranslation('knowledge')
  const change = useArticleChange(article.id)
  const [title, setTitle] = useState(article.title)
  const [summary, setSummary] = useState(article.summary)
  const [body, setBody] = useState(article.body)
  const [reviewBy, setReviewBy] = useState(article.review_by ?? '')
  const ids = { heading: useId(), title: useId(), summary: useId(), body: useId(), review: useId() }

  function submit(event: FormEvent) {
    event.preventDefault()
    const patch = { title: title.trim(), summary, body, review_by: reviewBy || null }
    change.mutate((ifMatch) => api.PATCH('/api/v1/articles/{article_id}', { params: articlePath(article.id, ifMatch), body: patch }), {
      onSuccess: onDone,
    })
  }

  return (
    <section aria-labelledby={ids.heading} lang={article.language}>
      <h2 id={ids.heading}>{t('editor.heading')}</h2>
      <form onSubmit={submit} className="article-form">
        <label htmlFor={ids.title}>{t('editor.title')}</label>
        <input id={ids.title} required maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
        <label htmlFor={ids.summary}>{t('editor.summary')}</label>
        <textarea id={ids.summary} rows={2} maxLength={1000} value={summary} onChange={(event) => setSummary(event.target.value)} />
        <label htmlFor={ids.body}>{t('editor.body')}</label>
        <textarea id={ids.body} rows={14} maxLength={50000} value={body} onChange={(event) => setBody(event.target.value)} />
        <label htmlFor={ids.review}>{t('editor.reviewBy')}</label>
        <input id={ids.review} type="date" value={reviewBy} onChange={(event) => setReviewBy(event.target.value)} />
        <div className="kb-buttons">
          <button type="submit" disabled={!title.trim() || change.isPending}>
            {t('editor.save')}
          </button>
          <button type="button" className="secondary" onClick={onDone}>
            {t('editor.cancel')}
          </button>
        </div>
        {change.error && (
          <p role="alert" className="error">
            {isConflict(change.error) ? t('actions.conflict') : t('actions.failed', { message: change.error.message })}
          </p>
        )}
      </form>
    </section>
  )
}
