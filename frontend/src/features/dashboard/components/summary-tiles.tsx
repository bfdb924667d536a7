import { useTranslation } from 'react-i18next'
import { useSummary } from '../api/get-summary'
import type { Summary, Window } from '../api/types'
import { formatValue, type Unit } from '../utils/format'
import { CALLS_GOAL, FCR_GOAL } from './chart-specs'

type Tile = { key: string; value: number | null | undefined; unit: Unit; goal?: number; params?: Record<string, unknown> }

function tilesOf(summary: Summary): Tile[] {
  const { contacts, requests, calls, surveys } = summary
  const tiles: Tile[] = [
    { key: 'contacts', value: contacts.total, unit: 'count' },
    { key: 'fcr', value: contacts.first_contact_resolution_rate, unit: 'rate', goal: FCR_GOAL },
    { key: 'opened', value: requests.opened, unit: 'count' },
    { key: 'closed', value: requests.closed, unit: 'count' },
    { key: 'backlog', value: requests.backlog, unit: 'count' },
    { key: 'overdue', value: requests.overdue, unit: 'count' },
    { key: 'slaOnTime', value: requests.sla_on_time_rate, unit: 'rate' },
    { key: 'hoursToClose', value: requests.hours_to_close.p50, unit: 'hours' },
    { key: 'csat', value: surveys.average_score, unit: 'score', params: { answered: surveys.answered, sent: surveys.sent } },
    { key: 'satisfied', value: surveys.satisfied_rate, unit: 'rate' },
  ]
  if (!calls) return tiles
  return [
    ...tiles,
    { key: 'serviceLevel', value: calls.answered_within_threshold_rate, unit: 'rate', goal: CALLS_GOAL, params: { seconds: calls.threshold_seconds } },
    { key: 'speedOfAnswer', value: calls.average_speed_of_answer_s, unit: 'seconds' },
    { key: 'abandoned', value: calls.abandonment_rate, unit: 'rate' },
  ]
}

/** The window's headline figures, each with its goal where it has one. */
export function SummaryTiles({ window }: { window: Window }) {
  const { t, i18n } = useTranslation('dashboard')
  const summary = useSummary(window)
  if (summary.isPending) return <p role="status">{t('loading')}</p>
  if (summary.isError)
    return (
      <p role="alert" className="error">
        {t('failed', { message: summary.error.message })}
      </p>
    )
  const rate = (value: number) => formatValue(value, 'rate', i18n.language)
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t('summary.title')}</h2>
      <dl className="summary-tiles">
        {tilesOf(summary.data).map((tile) => (
          <div key={tile.key} className="summary-tile" data-tile={tile.key}>
            <dt>{t(`summary.${tile.key}`, tile.params)}</dt>
            <dd>
              <span className="summary-value">{formatValue(tile.value, tile.unit, i18n.language)}</span>
              {tile.goal !== undefined && <span className="summary-goal">{t('goal', { value: rate(tile.goal) })}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
