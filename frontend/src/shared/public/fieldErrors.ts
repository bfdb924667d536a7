import { ApiError } from '../../api/client'

/** The API's field errors (RFC 9457 `errors`), by field name; the general message under "". */
export function fieldErrorsOf(error: unknown, fallback: string): Record<string, string> {
  if (!(error instanceof ApiError)) return error ? { '': fallback } : {}
  const found: Record<string, string> = {}
  for (const item of error.problem.errors ?? []) found[item.field.replace(/^body\./, '')] = item.message
  if (Object.keys(found).length === 0) found[''] = error.problem.detail ?? error.problem.title ?? fallback
  return found
}
