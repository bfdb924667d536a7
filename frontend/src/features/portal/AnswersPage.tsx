import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { SearchBox } from './SearchBox'
import { useArticles } from './usePortal'
import './portal.css'

/** `/answers`: the public knowledge articles, searchable, in the visitor's language. */
export function AnswersPage() {
  const { t } = useTranslation('portal')
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const articles = useArticles(q)
  return (
    <div className="portal">
      <h1>{t('answers.title')}</h1>
      <p>{t('answers.intro')}</p>
      <SearchBox label={t('answers.searchLabel')} initial={q} onSearch={(text) => setParams(text ? { q: text } : {})} />
      {articles.isPending && <p role="status">{t('answers.loading')}</p>}
      {articles.isError && (
        <p role="alert" className="error">
          {t('answers.failed')}
        </p>
      )}
      {articles.data && (
        <>
          <p role="status">{articles.data.length === 0 ? t('answers.none') : t('answers.count', { count: articles.data.length })}</p>
          <ul className="link-list">
            {articles.data.map((article) => (
              <li key={article.id}>
                <Link to={`/answers/${article.id}`}>{article.title}</Link>
                <p className="muted">{article.snippet}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to="/report">{t('answers.stillNeedHelp')}</Link>
      </p>
    </div>
  )
}

export default AnswersPage
