/**
 * Whether a key press is typing rather than a shortcut: any key in a text field; in a select,
 * the letters and digits that jump to an option.
 */
export function isTyping(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true
  if (target instanceof HTMLSelectElement) return /^[\p{L}\p{N}]$/u.test(key)
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type)
}

/** A single key, with no Ctrl, Alt or Meta (Shift is how `?` is typed). */
export function isPlain(event: KeyboardEvent): boolean {
  return !event.ctrlKey && !event.altKey && !event.metaKey
}

/** Ctrl+Enter, or ⌘+Enter on a Mac: save, even from inside a field. */
export function isSave(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey
}

/** The page's search box: the first visible element marked `data-shortcut="search"`. */
export function focusSearch(): boolean {
  const boxes = document.querySelectorAll<HTMLElement>('[data-shortcut="search"]')
  const box = [...boxes].find((element) => !element.closest('[hidden]'))
  box?.focus()
  return box !== undefined
}

/** Sends the form the focus is in, or else the page's form marked `data-shortcut="save"`. */
export function submitForm(from: EventTarget | null): boolean {
  const inside = from instanceof HTMLElement ? from.closest('form') : null
  const form = inside ?? document.querySelector<HTMLFormElement>('form[data-shortcut="save"]')
  if (!form) return false
  form.requestSubmit()
  return true
}
