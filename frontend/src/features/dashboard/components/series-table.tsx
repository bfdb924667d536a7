import type { SeriesAnswer } from '../api/types'

type Props = {
  answer: SeriesAnswer
  caption: string
  /** The first column's heading: the period, or the group (department, hour, …) over the window. */
  rowHeader: string
  measureLabel: string
  bucketLabel: (iso: string) => string
  format: (value: number | null) => string
}

/** The figures behind a chart: periods down, groups across; or, over the window, one row per group. */
export function SeriesTable({ answer, caption, rowHeader, measureLabel, bucketLabel, format }: Props) {
  const total = answer.interval === 'total'
  return (
    <table className="dashboard-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {total ? <th scope="col">{measureLabel}</th> : answer.series.map((s) => <th key={s.key} scope="col">{s.label}</th>)}
        </tr>
      </thead>
      <tbody>
        {total
          ? answer.series.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.label}</th>
                <td>{format(s.values[0] ?? null)}</td>
              </tr>
            ))
          : answer.buckets.map((bucket, row) => (
              <tr key={bucket}>
                <th scope="row">{bucketLabel(bucket)}</th>
                {answer.series.map((s) => (
                  <td key={s.key}>{format(s.values[row] ?? null)}</td>
                ))}
              </tr>
            ))}
      </tbody>
    </table>
  )
}
