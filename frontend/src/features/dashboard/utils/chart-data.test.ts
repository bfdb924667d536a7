import type { SeriesAnswer } from '../api/types'
import { chartConfig, GOAL_COLOUR } from './chart-data'

const WINDOW = { from: '2026-11-01T00:00:00-04:00', to: '2026-11-03T00:00:00-05:00', time_zone: 'America/New_York', truncated: false }
const shape = { type: 'line' as const, measureLabel: 'Resolved', bucketLabel: (iso: string) => iso.slice(5, 10), tick: String, isRate: true }

describe('chartConfig', () => {
  it('runs the buckets along the x axis, one dataset per series, and draws the goal as a dashed line', () => {
    const answer: SeriesAnswer = {
      ...WINDOW,
      interval: 'day',
      group_by: null,
      measure: 'fcr_rate',
      buckets: ['2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z'],
      series: [{ key: 'all', label: 'All', values: [0.5, null] }],
    }
    const config = chartConfig(answer, { ...shape, goal: { value: 0.75, label: 'goal 75%' } })
    expect(config.data.labels).toEqual(['11-01', '11-02'])
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['All', [0.5, null]],
      ['goal 75%', [0.75, 0.75]],
    ])
    expect(config.data.datasets[1]).toMatchObject({ borderColor: GOAL_COLOUR, borderDash: [6, 4], stack: 'goal' })
    expect(config.options?.scales?.y).toMatchObject({ max: 1 })
  })

  it('makes one bar per series over the whole window', () => {
    const answer: SeriesAnswer = {
      ...WINDOW,
      interval: 'total',
      group_by: 'department',
      measure: 'hours_to_close_p50',
      buckets: ['2026-11-01T04:00:00Z'],
      series: [
        { key: 'a', label: 'Alpha', values: [12] },
        { key: 'b', label: 'Beta', values: [null] },
      ],
    }
    const config = chartConfig(answer, { ...shape, type: 'bar', isRate: false })
    expect(config.data.labels).toEqual(['Alpha', 'Beta'])
    expect(config.data.datasets).toHaveLength(1)
    expect(config.data.datasets[0]!.data).toEqual([12, null])
    expect(config.options?.scales?.y).toMatchObject({ max: undefined })
  })
})
