import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, ApiError } from '../../api/client'
import { useMe } from '../../shared/useMe'
import { ArticleEditor } from './ArticleEditor'
import { ArticleVersions } from './ArticleVersions'
import { ArticleView } from './ArticleView'
import { NewArticleForm } from './NewArticleForm'
import { articlePath, isConflict, mayWrite, useArticle, useArticleChange, type Article, type ArticleStatus } from './useArticles'
import './knowledge.css'

const NEXT: Record<ArticleStatus, readonly { to: ArticleStatus; label: string }[]> = {
  draft: [
    { to: 'published', label: 'actions.publish' },
    { to: 'archived', label: 'actions.archive' },
  ],
  published: [{ to: 'archived', label: 'actions.archive' }],
  archived: [{ to: 'draft', label: 'actions.toDraft' }],
}

const LANGUAGES = ['en', 'es'] as const

function ArticleActions({ article, onEdit }: { article: Article; onEdit: () => void }) {
  const { t } = useTranslation('knowledge')
  const change = useArticleChange(article.id)
  return (
    <div className="kb-buttons">
      <button type="button" onClick={onEdit}>
        {t('actions.edit')}
      </button>
      {NEXT[article.status].map(({ to, label }) => (
        <button
          key={to}
          type="button"
          className={to === 'published' ? undefined : 'secondary'}
          disabled={change.isPending}
          onClick={() =>
            change.mutate((ifMatch) =>
              api.POST('/api/v1/articles/{article_id}/transitions', { params: articlePath(article.id, ifMatch), body: { to } }),
            )
          }
        >
          {t(label)}
        </button>
      ))}
      {change.error && (
        <p role="alert" className="error">
          {isConflict(change.error) ? t('actions.conflict') : t('actions.failed', { message: change.error.message })}
        </p>
      )}
    </div>
  )
}

function Translations({ article, compare, onCompare, writer }: { article: Article; compare: number | null; onCompare: (id: number | null) => void; writer: boolean }) {
  const { t } = useTranslation('knowledge')
  const [adding, setAdding] = useState(false)
  const ids = { heading: useId(), compare: useId() }
  const others = article.translations.filter((item) => item.id !== article.id)
  const original = article.translation_of ?? article.id
  const missing = LANGUAGES.filter((code) => code !== article.language && !others.some((item) => item.language === code))
  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('translations.heading')}</h2>
      {others.length === 0 && <p>{t('translations.none')}</p>}
      <ul>
        {others.map((item) => (
          <li key={item.id}>
            <Link to={`/knowledge/${item.id}`} lang={item.language}>
              {item.title}
            </Link>{' '}
            ({t(`languages.${item.language}`, { defaultValue: item.language })}
            {item.id === original ? `, ${t('translations.original')}` : ''})
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <div className="field">
          <label htmlFor={ids.compare}>{t('translations.compare')}</label>
          <select id={ids.compare} value={compare ?? ''} onChange={(event) => onCompare(event.target.value ? Number(event.target.value) : null)}>
            <option value="">{t('translations.noCompare')}</option>
            {others.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title} ({item.language})
              </option>
            ))}
          </select>
        </div>
      )}
      {writer && missing.length > 0 && !adding && (
        <button type="button" className="secondary" onClick={() => setAdding(true)}>
          {t('translations.add')}
        </button>
      )}
      {adding && <NewArticleForm department={article.department} translationOf={original} languages={missing} onCancel={() => setAdding(false)} />}
    </section>
  )
}

export function ArticlePage() {
  const { t } = useTranslation('knowledge')
  const raw = useParams().id ?? ''
  const id = /^\d+$/.test(raw) ? Number(raw) : null
  const me = useMe().data
  const loaded = useArticle(id)
  const [editing, setEditing] = useState(false)
  const [compare, setCompare] = useState<number | null>(null)
  const beside = useArticle(compare)
  const article = loaded.data?.article

  if (id !== null && loaded.isPending) return <p role="status">{t('article.loading')}</p>
  if (!article) {
    const missing = id === null || (loaded.error instanceof ApiError && loaded.error.status === 404)
    return (
      <section>
        <p role="alert" className="error">
          {missing ? t('article.notFound') : t('article.failed', { message: loaded.error?.message })}
        </p>
        <Link to="/knowledge">{t('back')}</Link>
      </section>
    )
  }

  const writer = mayWrite(me, article.department)
  const besideArticle = compare !== null ? beside.data?.article : undefined
  return (
    <article className="knowledge-article">
      <p>
        <Link to="/knowledge">{t('back')}</Link>
      </p>
      {writer && !editing && <ArticleActions article={article} onEdit={() => setEditing(true)} />}
      <div className={besideArticle ? 'side-by-side' : undefined}>
        <div>{editing ? <ArticleEditor key={article.version} article={article} onDone={() => setEditing(false)} /> : <ArticleView article={article} />}</div>
        {besideArticle && (
          <aside aria-label={besideArticle.title} className="panel">
            <ArticleView article={besideArticle} level={2} />
          </aside>
        )}
      </div>
      <Translations article={article} compare={compare} onCompare={setCompare} writer={writer} />
      <ArticleVersions articleId={article.id} />
    </article>
  )
}

export default ArticlePage
