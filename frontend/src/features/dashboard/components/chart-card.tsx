import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type Props = {
  id: string
  title: string
  description?: string
  /** Loading, failure or "no data" in place of the chart. */
  notice?: ReactNode
  chart?: ReactNode
  table?: ReactNode
  actions?: ReactNode
}

/** One chart of the dashboard: its heading, the chart, its figures as a table (folded), its CSV. */
export function ChartCard({ id, title, description, notice, chart, table, actions }: Props) {
  const { t } = useTranslation('dashboard')
  const titleId = `${id}-title`
  return (
    <section className="chart-card panel" aria-labelledby={titleId} data-chart={id}>
      <h2 id={titleId}>{title}</h2>
      {description && <p className="muted">{description}</p>}
      {notice ?? (
        <>
          {chart}
          {table && (
            <details className="chart-table">
              <summary>{t('table.show')}</summary>
              {table}
            </details>
          )}
        </>
      )}
      {actions}
    </section>
  )
}
