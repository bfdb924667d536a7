import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchSeriesCsv, useSeries } from '../api/get-series'
import type { Interval, SeriesQuery, Window } from '../api/types'
import { useSeriesNames } from '../hooks/use-series-names'
import { chartConfig } from '../utils/chart-data'
import { formatBucket, formatValue } from '../utils/format'
import { ChartCanvas } from './chart-canvas'
import { ChartCard } from './chart-card'
import type { ChartSpec } from './chart-specs'
import { DownloadCsvButton } from './download-csv-button'
import { SeriesTable } from './series-table'

type Props = { spec: ChartSpec; window: Window; interval: Exclude<Interval, 'total'>; zone: string; fileSuffix: string }

export function seriesQueryOf(spec: ChartSpec, window: Window, interval: Interval): SeriesQuery {
  return { ...window, kind: spec.kind, interval: spec.perInterval ? interval : 'total', group_by: spec.groupBy, measure: spec.measure }
}

/** One series chart: the chart, the same figures as a table, and the API's CSV of them. */
export function SeriesChart({ spec, window, interval, zone, fileSuffix }: Props) {
  const { t, i18n } = useTranslation('dashboard')
  const language = i18n.language
  const query = seriesQueryOf(spec, window, interval)
  const series = useSeries(query)
  const named = useSeriesNames()
  const texts = `charts.${spec.id}`
  const title = t(`${texts}.title`)
  const measureLabel = t(`${texts}.measure`)
  const goalLabel = spec.goal === undefined ? undefined : t('goal', { value: formatValue(spec.goal, 'rate', language) })

  const view = useMemo(() => {
    if (!series.data) return null
    const answer = named(series.data)
    const bucketLabel = (iso: string) => formatBucket(iso, answer.interval, language, zone)
    const format = (value: number | null) => formatValue(value, spec.unit, language)
    const config = chartConfig(answer, {
      type: spec.type,
      stacked: spec.stacked,
      measureLabel,
      goal: spec.goal === undefined || !goalLabel ? undefined : { value: spec.goal, label: goalLabel },
      bucketLabel,
      tick: format,
      isRate: spec.unit === 'rate',
      integer: spec.unit === 'count',
    })
    return { answer, bucketLabel, format, config }
  }, [series.data, named, spec, language, zone, measureLabel, goalLabel])

  const notice = series.isPending ? (
    <p role="status">{t('loading')}</p>
  ) : series.isError ? (
    <p role="alert" className="error">
      {t('failed', { message: series.error.message })}
    </p>
  ) : view && view.answer.series.length === 0 ? (
    <p>{t('noData')}</p>
  ) : undefined

  const caption = goalLabel ? `${title} (${goalLabel})` : title
  return (
    <ChartCard
      id={spec.id}
      title={title}
      description={t(`${texts}.description`)}
      notice={notice}
      chart={
        view && (
          <>
            <ChartCanvas config={view.config} label={t('chartLabel', { title })} />
            {view.answer.truncated && <p className="muted">{t('truncated')}</p>}
          </>
        )
      }
      table={
        view && (
          <SeriesTable
            answer={view.answer}
            caption={caption}
            rowHeader={view.answer.interval === 'total' ? t(`${texts}.group`) : t('table.period')}
            measureLabel={measureLabel}
            bucketLabel={view.bucketLabel}
            format={view.format}
          />
        )
      }
      actions={<DownloadCsvButton fetchCsv={() => fetchSeriesCsv(query)} fileName={`${spec.id}_${fileSuffix}.csv`} describedBy={`${spec.id}-title`} />}
    />
  )
}
