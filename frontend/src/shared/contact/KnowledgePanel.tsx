import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ArticleBody } from '../ArticleBody'
import { Snippet } from '../Snippet'
import { useArticles, useArticleText, type Article } from './queries'

type Props = {
  said: string
  language: string
  used: Article[]
  onToggle: (article: Article) => void
}

/** Live knowledge: suggestions from what the caller says, and the agent's own search. */
export function KnowledgePanel({ said, language, used, onToggle }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const [search, setSearch] = useState('')
  const { searched, suggested } = useArticles(search, said, language)
  const usedIds = used.map((article) => article.id)
  const list = (articles: Article[] | undefined, label: string) =>
    articles && articles.length > 0 ? (
      <ul className="articles" aria-label={label}>
        {articles.map((article) => (
          <ArticleRow key={article.id} article={article} used={usedIds.includes(article.id)} onToggle={() => onToggle(article)} />
        ))}
      </ul>
    ) : null

  return (
    <aside aria-labelledby={`${id}-heading`} className="panel knowledge">
      <h2 id={`${id}-heading`}>{t('contact.knowledge.title')}</h2>
      <label htmlFor={`${id}-search`}>{t('contact.knowledge.search')}</label>
      <input id={`${id}-search`} type="search" data-shortcut="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      {list(searched.data, t('contact.knowledge.results'))}
      {search.trim().length >= 2 && searched.isSuccess && searched.data.length === 0 && <p className="muted">{t('contact.knowledge.none')}</p>}
      {suggested.data && suggested.data.length > 0 && <h3>{t('contact.knowledge.suggested')}</h3>}
      {list(suggested.data, t('contact.knowledge.suggested'))}
      {used.length > 0 && (
        <p>
          <strong>{t('contact.knowledge.used')}</strong> {used.map((article) => article.title).join(' · ')}
        </p>
      )}
    </aside>
  )
}

function ArticleRow({ article, used, onToggle }: { article: Article; used: boolean; onToggle: () => void }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <li className={used ? 'article used' : 'article'}>
      <details onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          {article.title}
          {article.stale && <span className="badge warn"> {t('contact.knowledge.stale')}</span>}
        </summary>
        <p>{article.summary}</p>
        {article.snippet && <Snippet html={article.snippet} />}
        {open && <ArticleText id={article.id} language={article.language} />}
      </details>
      <button type="button" className={used ? '' : 'secondary'} aria-pressed={used} onClick={onToggle}>
        {t('contact.knowledge.answered', { title: article.title })}
      </button>
    </li>
  )
}

/** The article to read to the caller: its Markdown rendered, sections below the panel's headings. */
function ArticleText({ id, language }: { id: number; language: string }) {
  const { t } = useTranslation()
  const article = useArticleText(id)
  if (article.isPending) return <p role="status">{t('contact.knowledge.loading')}</p>
  if (article.isError) return <p className="error">{t('contact.knowledge.unavailable')}</p>
  return <ArticleBody markdown={article.data.body} lang={language} headingLevel={3} className="article-text" />
}
