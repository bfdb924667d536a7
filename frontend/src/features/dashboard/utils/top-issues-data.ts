import type { ChartConfiguration } from 'chart.js'
import type { TopIssues } from '../api/types'
import { PALETTE } from './chart-data'

/** Areas shown in the chart (the busiest); the table lists them all. */
export const CHART_AREAS = 12

type Config = ChartConfiguration<'bar', (number | null)[], string>

/** The busiest areas as stacked bars, one colour per service among their top issues. */
export function topIssuesConfig(answer: TopIssues, tick: (value: number) => string): Config {
  const total = (area: TopIssues['areas'][number]) => area.issues.reduce((sum, issue) => sum + issue.count, 0)
  const areas = [...answer.areas].filter((area) => total(area) > 0).sort((a, b) => total(b) - total(a)).slice(0, CHART_AREAS)
  const services = new Map<string, string>()
  areas.forEach((area) => area.issues.forEach((issue) => services.set(issue.service_code, issue.service_name)))
  const datasets = [...services].map(([code, name], i) => {
    const colour = PALETTE[i % PALETTE.length]!
    return {
      label: name,
      data: areas.map((area) => area.issues.find((issue) => issue.service_code === code)?.count ?? null),
      backgroundColor: colour,
      borderColor: colour,
    }
  })
  return {
    type: 'bar',
    data: { labels: areas.map((area) => area.name), datasets },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0, callback: (value) => tick(Number(value)) } }, y: { stacked: true } },
      plugins: { legend: { position: 'bottom' } },
    },
  }
}
