import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSearch } from './usePortal'

/** Answers and services matching the visitor's words, each a link to read or to report. */
export function SearchResults({ q }: { q: string }) {
  const { t } = useTranslation('portal')
  const found = useSearch(q)
  if (!q) return null
  if (found.isPending) return <p role="status">{t('search.searching')}</p>
  if (found.isError)
    return (
      <p role="alert" className="error">
        {t('search.failed')}
      </p>
    )
  const { articles, services } = found.data
  return (
    <section aria-labelledby="search-results" className="search-results">
      <h2 id="search-results">{t('search.results', { q })}</h2>
      <p role="status">{articles.length + services.length === 0 ? t('search.none') : t('search.count', { count: articles.length + services.length })}</p>
      {articles.length > 0 && (
        <>
          <h3>{t('search.answers')}</h3>
          <ul className="link-list">
            {articles.map((article) => (
              <li key={article.id}>
                <Link to={`/answers/${article.id}`}>{article.title}</Link>
                <p className="muted">{article.snippet}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {services.length > 0 && (
        <>
          <h3>{t('search.services')}</h3>
          <ul className="link-list">
            {services.map((service) => (
              <li key={service.code}>
                <Link to={`/report/${encodeURIComponent(service.code)}`}>{service.name}</Link>
                {service.description && <p className="muted">{service.description}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
