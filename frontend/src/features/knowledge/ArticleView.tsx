import { useTranslation } from 'react-i18next'
import { ArticleBody } from '../../shared/ArticleBody'
import { useDates } from '../../shared/useDates'
import { useDepartmentNames } from '../../shared/useNames'
import type { Article } from './useArticles'

/** One article as read: its title (at `level`), facts, stale warning, summary and body. */
export function ArticleView({ article, level = 1 }: { article: Article; level?: 1 | 2 }) {
  const { t } = useTranslation('knowledge')
  const dates = useDates()
  const departmentName = useDepartmentNames()
  const Heading = level === 1 ? 'h1' : 'h2'
  const reviewBy = article.review_by ? dates.calendarDate(article.review_by) : null
  return (
    <div className="article-view" lang={article.language}>
      <Heading>{article.title}</Heading>
      {article.stale && (
        <p className="stale-warning" role="note">
          {t('staleSince', { date: reviewBy })}
        </p>
      )}
      <dl className="kb-facts">
        <div>
          <dt>{t('article.language')}</dt>
          <dd>{t(`languages.${article.language}`, { defaultValue: article.language })}</dd>
        </div>
        <div>
          <dt>{t('article.status')}</dt>
          <dd>{t(`status.${article.status}`)}</dd>
        </div>
        <div>
          <dt>{t('article.audience')}</dt>
          <dd>{t(`audience.${article.audience}`)}</dd>
        </div>
        <div>
          <dt>{t('article.department')}</dt>
          <dd>{article.department ? departmentName(article.department) : t('article.center')}</dd>
        </div>
        <div>
          <dt>{t('article.reviewBy')}</dt>
          <dd>{reviewBy ?? t('article.noReview')}</dd>
        </div>
        <div>
          <dt>{t('article.version')}</dt>
          <dd>{article.version}</dd>
        </div>
      </dl>
      {article.summary && <p className="article-summary">{article.summary}</p>}
      <ArticleBody markdown={article.body} lang={article.language} headingLevel={level} />
    </div>
  )
}
