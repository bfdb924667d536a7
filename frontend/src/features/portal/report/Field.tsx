import type { ReactNode } from 'react'

/** The DOM id of a form field by its key ("attributes.depth" → "f-attributes-depth"): the error summary links to it. */
export function fieldId(key: string): string {
  return `f-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`
}

export type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; required?: boolean }

type Props = {
  name: string
  label: ReactNode
  hint?: ReactNode
  error?: string
  required?: boolean
  children: (control: ControlProps) => ReactNode
}

/** A label, its control, a hint and the error next to it; the control is described by both. */
export function Field({ name, label, hint, error, required, children }: Props) {
  const id = fieldId(name)
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="error">
          {error}
        </span>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined, required })}
    </div>
  )
}
