import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useTopIssues } from '../api/get-top-issues'
import type { Window } from '../api/types'
import { formatValue } from '../utils/format'
import { topIssuesCsv } from '../utils/top-issues-csv'
import { topIssuesConfig } from '../utils/top-issues-data'
import { ChartCanvas } from './chart-canvas'
import { ChartCard } from './chart-card'
import { DownloadCsvButton } from './download-csv-button'

export const TOP_ISSUES_LIMIT = 3
const ID = 'top-issues'

type Props = { window: Window; layer: string; layerName: string; fileSuffix: string }

/** The top services of each area of a layer in the window, against the period before. */
export function TopIssuesChart({ window, layer, layerName, fileSuffix }: Props) {
  const { t, i18n } = useTranslation('dashboard')
  const top = useTopIssues(window, layer, TOP_ISSUES_LIMIT)
  const count = (value: number | null) => formatValue(value, 'count', i18n.language)
  const config = useMemo(() => top.data && topIssuesConfig(top.data, (value) => formatValue(value, 'count', i18n.language)), [top.data, i18n.language])
  const title = t('charts.top-issues.title', { layer: layerName, count: TOP_ISSUES_LIMIT })
  const signed = (value: number | null) => (value === null ? '—' : `${value > 0 ? '+' : ''}${count(value)}`)
  const rows = top.data?.areas.filter((area) => area.issues.length > 0) ?? []

  const notice = top.isPending ? (
    <p role="status">{t('loading')}</p>
  ) : top.isError ? (
    <p role="alert" className="error">
      {t('failed', { message: top.error.message })}
    </p>
  ) : rows.length === 0 ? (
    <p>{t('noData')}</p>
  ) : undefined

  return (
    <ChartCard
      id={ID}
      title={title}
      description={t('charts.top-issues.description')}
      notice={notice}
      chart={config && <ChartCanvas config={config} label={t('chartLabel', { title })} />}
      table={
        <table className="dashboard-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('map.area')}</th>
              <th scope="col">{t('charts.top-issues.service')}</th>
              <th scope="col">{t('charts.top-issues.count')}</th>
              <th scope="col">{t('charts.top-issues.previous')}</th>
              <th scope="col">{t('charts.top-issues.change')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.flatMap((area) =>
              area.issues.map((issue, i) => (
                <tr key={`${area.code}/${issue.service_code}`}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={area.issues.length}>
                      {area.name}
                    </th>
                  )}
                  <td>{issue.service_name}</td>
                  <td>{count(issue.count)}</td>
                  <td>{count(issue.previous_count)}</td>
                  <td>{signed(issue.change)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      }
      actions={
        top.data && (
          <DownloadCsvButton
            fetchCsv={async () => new Blob([topIssuesCsv(top.data)], { type: 'text/csv;charset=utf-8' })}
            fileName={`${ID}_${layer}_${fileSuffix}.csv`}
            describedBy={`${ID}-title`}
          />
        )
      }
    />
  )
}
