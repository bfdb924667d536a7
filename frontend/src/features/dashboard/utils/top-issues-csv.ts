import type { TopIssues } from '../api/types'

/**
 * Top issues as CSV, written the way the API writes its series (api/metrics_params.py): RFC 4180
 * quoting, CRLF line ends, UTF-8, whole numbers bare, and text a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR first) quoted with a leading apostrophe. The API answers top
 * issues in JSON only, so the SPA writes their CSV itself, from the same answer it charts.
 */
export const TOP_ISSUES_HEADER = ['area_code', 'area_name', 'service_code', 'service_name', 'count', 'previous_count', 'change']

function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

export function topIssuesCsv(answer: TopIssues): string {
  const rows = answer.areas.flatMap((area) =>
    area.issues.map((issue) => [text(area.code), text(area.name), text(issue.service_code), text(issue.service_name), String(issue.count), String(issue.previous_count), String(issue.change)]),
  )
  return [TOP_ISSUES_HEADER, ...rows].map((row) => row.map(field).join(',') + '\r\n').join('')
}
