import type { ChartConfiguration, ChartDataset } from 'chart.js'
import type { SeriesAnswer } from '../api/types'

/** Okabe–Ito: told apart with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442']
export const GOAL_COLOUR = '#9b1c1c'

type Shape = {
  type: 'line' | 'bar'
  stacked?: boolean
  /** The measure's name, for the one dataset of a chart summed over the window. */
  measureLabel: string
  goal?: { value: number; label: string }
  bucketLabel: (iso: string) => string
  tick: (value: number) => string
  isRate: boolean
  /** Counts: ticks at whole numbers only. */
  integer?: boolean
}

type Config = ChartConfiguration<'bar' | 'line', (number | null)[], string>
type Dataset = ChartDataset<'bar' | 'line', (number | null)[]>

function goalDataset(goal: NonNullable<Shape['goal']>, length: number): Dataset {
  return {
    type: 'line',
    label: goal.label,
    data: Array.from({ length }, () => goal.value),
    borderColor: GOAL_COLOUR,
    backgroundColor: GOAL_COLOUR,
    borderDash: [6, 4],
    borderWidth: 2,
    pointRadius: 0,
    order: -1,
    stack: 'goal',
  }
}

/**
 * A Chart.js configuration from a series answer. Over the window (`interval=total`) each series
 * is one bar; per interval, the buckets run along the x axis, one dataset per series.
 */
export function chartConfig(answer: SeriesAnswer, shape: Shape): Config {
  const total = answer.interval === 'total'
  const labels = total ? answer.series.map((s) => s.label) : answer.buckets.map(shape.bucketLabel)
  const datasets: Dataset[] = total
    ? [{ type: shape.type, label: shape.measureLabel, data: answer.series.map((s) => s.values[0] ?? null), backgroundColor: PALETTE[0], borderColor: PALETTE[0] }]
    : answer.series.map((s, i) => {
        const colour = PALETTE[i % PALETTE.length]!
        return { type: shape.type, label: s.label, data: s.values, backgroundColor: colour, borderColor: colour, spanGaps: false }
      })
  if (shape.goal) datasets.push(goalDataset(shape.goal, labels.length))
  return {
    type: shape.type,
    data: { labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: shape.stacked },
        y: { stacked: shape.stacked, beginAtZero: true, max: shape.isRate ? 1 : undefined, ticks: { precision: shape.integer ? 0 : undefined, callback: (value) => shape.tick(Number(value)) } },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  }
}
