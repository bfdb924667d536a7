/** How close a request is to its SLA due date ("expected_datetime"), seen from `now`. */
export type SlaState = 'overdue' | 'due_soon' | 'on_track' | 'none'

/** A request due within this many hours is "due soon". */
export const DUE_SOON_HOURS = 24

export function slaState(expected: string | null, status: string, now: Date): SlaState {
  if (!expected || status === 'closed') return 'none'
  const due = new Date(expected).getTime()
  if (Number.isNaN(due)) return 'none'
  const left = due - now.getTime()
  if (left < 0) return 'overdue'
  return left <= DUE_SOON_HOURS * 3_600_000 ? 'due_soon' : 'on_track'
}
