/** The metrics API's types live beside its queries; the dashboard names them from here. */
export type { Interval, OpenByArea, Series, SeriesAnswer, SeriesKind, SeriesQuery, Summary, TopIssues, Window } from '../../../api/queries/metrics'
