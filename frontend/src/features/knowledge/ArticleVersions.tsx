import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useDates } from '../../shared/useDates'
import { useVersions } from './useArticles'

export function ArticleVersions({ articleId }: { articleId: number }) {
  const { t } = useTranslation('knowledge')
  const versions = useVersions(articleId)
  const heading = useId()
  const when = useDates().dateTime
  return (
    <section className="panel" aria-labelledby={heading}>
      <h2 id={heading}>{t('versions.heading')}</h2>
      <ol className="versions" reversed>
        {[...(versions.data?.items ?? [])].reverse().map((version) => (
          <li key={`${version.version}-${version.change}-${version.edited_at}`}>
            {t('versions.entry', {
              version: version.version,
              change: t(`versions.change.${version.change}`, { defaultValue: version.change }),
              name: version.edited_by_name,
            })}{' '}
            <time className="muted" dateTime={version.edited_at}>
              {when(version.edited_at)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  )
}
