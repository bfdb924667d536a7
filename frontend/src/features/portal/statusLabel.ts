const KNOWN = new Set(['new', 'acknowledged', 'in_progress', 'on_hold', 'closed'])

/** The i18n key of a request's status in plain words (an unknown one reads as "Open"). */
export function statusKey(status: string): string {
  return `statuses.${KNOWN.has(status) ? status : 'open'}`
}
