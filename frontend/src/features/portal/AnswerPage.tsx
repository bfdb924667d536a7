import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiError } from '../../api/client'
import { ArticleBody } from '../../shared/ArticleBody'
import { Helpful } from './Helpful'
import { useArticle, useServices } from './usePortal'
import './portal.css'

/** "Still need help? Report it": straight to the article's services, the article carried along. */
function StillNeedHelp({ articleId, serviceCodes }: { articleId: number; serviceCodes: string[] }) {
  const { t } = useTranslation('portal')
  const names = new Map((useServices().data ?? []).map((service) => [service.code, service.name]))
  const services = serviceCodes.filter((code) => names.has(code))
  return (
    <section className="panel" aria-labelledby="still">
      <h2 id="still">{t('answer.stillNeedHelp')}</h2>
      {services.length === 0 ? (
        <p>
          <Link to={`/report?article=${articleId}`}>{t('answer.reportIt')}</Link>
        </p>
      ) : (
        <ul className="link-list">
          {services.map((code) => (
            <li key={code}>
              <Link to={`/report/${encodeURIComponent(code)}?article=${articleId}`}>{t('answer.reportService', { service: names.get(code) })}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** `/answers/:id`: one public article, "Was this helpful?", and the way on to a report. */
export function AnswerPage() {
  const { t } = useTranslation('portal')
  const id = Number(useParams().id)
  const article = useArticle(id)
  const missing = !Number.isInteger(id) || (article.error instanceof ApiError && article.error.status === 404)
  if (article.data)
    return (
      <article className="portal answer" lang={article.data.language}>
        <h1>{article.data.title}</h1>
        <ArticleBody markdown={article.data.body} headingLevel={1} />
        <Helpful articleId={id} />
        <StillNeedHelp articleId={id} serviceCodes={article.data.service_codes} />
        <p>
          <Link to="/answers">{t('answer.back')}</Link>
        </p>
      </article>
    )
  return (
    <div className="portal">
      <h1>{t('answer.title')}</h1>
      {missing ? (
        <p role="alert" className="error">
          {t('answer.notFound')}
        </p>
      ) : article.isError ? (
        <p role="alert" className="error">
          {t('answer.failed')}
        </p>
      ) : (
        <p role="status">{t('answer.loading')}</p>
      )}
      <p>
        <Link to="/answers">{t('answer.back')}</Link>
      </p>
    </div>
  )
}

export default AnswerPage
