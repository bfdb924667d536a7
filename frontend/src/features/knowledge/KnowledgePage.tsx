import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMe } from '../../shared/useMe'
import { NewArticleForm } from './NewArticleForm'
import { Snippet } from '../../shared/Snippet'
import { mayWrite, NO_SEARCH, useArticleList, type ArticleSearch, type ArticleStatus } from './useArticles'
import './knowledge.css'

const STATUSES: readonly ArticleStatus[] = ['draft', 'published', 'archived']

export function KnowledgePage() {
  const { t } = useTranslation('knowledge')
  const me = useMe().data
  const [search, setSearch] = useState<ArticleSearch>(NO_SEARCH)
  const [text, setText] = useState('')
  const [creating, setCreating] = useState(false)
  const list = useArticleList(search)
  const ids = { text: useId(), language: useId(), status: useId(), stale: useId() }
  const items = list.data?.pages.flatMap((page) => page.items) ?? []

  function submit(event: FormEvent) {
    event.preventDefault()
    setSearch({ ...search, q: text.trim() })
  }

  return (
    <section className="knowledge" aria-labelledby="knowledge-title">
      <h1 id="knowledge-title">{t('title')}</h1>
      {mayWrite(me, me?.department ?? null) && !creating && (
        <button type="button" onClick={() => setCreating(true)}>
          {t('create.open')}
        </button>
      )}
      {creating && <NewArticleForm department={me?.role === 'staff' ? (me.department ?? null) : null} onCancel={() => setCreating(false)} />}
      <form role="search" aria-label={t('search.label')} className="knowledge-search" onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.text}>{t('search.text')}</label>
          <input id={ids.text} type="search" data-shortcut="search" maxLength={200} value={text} onChange={(event) => setText(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.language}>{t('search.language')}</label>
          <select id={ids.language} value={search.language} onChange={(event) => setSearch({ ...search, language: event.target.value })}>
            <option value="">{t('search.anyLanguage')}</option>
            <option value="en">{t('languages.en')}</option>
            <option value="es">{t('languages.es')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>{t('search.status')}</label>
          <select id={ids.status} value={search.status} onChange={(event) => setSearch({ ...search, status: event.target.value as ArticleSearch['status'] })}>
            <option value="">{t('search.anyStatus')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-check">
          <input id={ids.stale} type="checkbox" checked={search.staleOnly} onChange={(event) => setSearch({ ...search, staleOnly: event.target.checked })} />
          <label htmlFor={ids.stale}>{t('search.staleOnly')}</label>
        </div>
        <button type="submit">{t('search.submit')}</button>
      </form>
      {list.isPending && <p role="status">{t('loading')}</p>}
      {list.isError && (
        <p role="alert" className="error">
          {t('failed', { message: list.error.message })}
        </p>
      )}
      {list.data && (
        <>
          <p className="muted" aria-live="polite">
            {items.length ? t('results', { count: items.length }) : t('empty')}
          </p>
          <ul className="article-list">
            {items.map((item) => (
              <li key={item.id}>
                <h2>
                  <Link to={`/knowledge/${item.id}`} lang={item.language}>
                    {item.title}
                  </Link>
                </h2>
                <p className="article-tags">
                  <span className="tag">{item.language}</span>
                  {item.status !== 'published' && <span className="tag">{t(`status.${item.status}`)}</span>}
                  {item.audience === 'internal' && <span className="tag">{t('audience.internal')}</span>}
                  {item.stale && <span className="tag tag-stale">{t('stale')}</span>}
                </p>
                {item.snippet ? <Snippet html={item.snippet} /> : <p>{item.summary}</p>}
              </li>
            ))}
          </ul>
          {list.hasNextPage && (
            <button type="button" className="secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('more')}
            </button>
          )}
        </>
      )}
    </section>
  )
}

export default KnowledgePage
