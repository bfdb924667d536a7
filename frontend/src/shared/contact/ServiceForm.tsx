import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Attribute, Service } from './queries'

export type AttributeValue = string | string[]
export type AttributeValues = Record<string, AttributeValue>

/** The attribute codes a request for `service` still lacks. */
export function missingAttributes(service: Service, values: AttributeValues): string[] {
  return service.attributes
    .filter((attribute) => attribute.variable && attribute.required)
    .filter((attribute) => {
      const value = values[attribute.code]
      return value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '')
    })
    .map((attribute) => attribute.code)
}

/** The attributes as the API takes them: numbers as numbers, datetimes in ISO 8601, blanks left out. */
export function attributePayload(service: Service, values: AttributeValues): Record<string, string | number | string[]> {
  const payload: Record<string, string | number | string[]> = {}
  for (const attribute of service.attributes) {
    const value = values[attribute.code]
    if (!attribute.variable || value === undefined) continue
    if (Array.isArray(value)) {
      if (value.length) payload[attribute.code] = value
    } else if (value.trim() !== '') {
      if (attribute.datatype === 'number') payload[attribute.code] = Number(value)
      else if (attribute.datatype === 'datetime') payload[attribute.code] = new Date(value).toISOString()
      else payload[attribute.code] = value.trim()
    }
  }
  return payload
}

type Props = {
  service: Service
  values: AttributeValues
  onChange: (values: AttributeValues) => void
  showErrors: boolean
}

/** One control per attribute definition, in the catalog's order; required ones are marked and checked. */
export function ServiceForm({ service, values, onChange, showErrors }: Props) {
  const missing = showErrors ? missingAttributes(service, values) : []
  const attributes = [...service.attributes].sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
  return (
    <div className="service-form">
      {attributes.map((attribute) =>
        attribute.variable ? (
          <AttributeField
            key={attribute.code}
            attribute={attribute}
            value={values[attribute.code]}
            invalid={missing.includes(attribute.code)}
            onChange={(value) => onChange({ ...values, [attribute.code]: value })}
          />
        ) : (
          <p key={attribute.code} className="banner info">
            {attribute.description}
          </p>
        ),
      )}
    </div>
  )
}

type FieldProps = {
  attribute: Attribute
  value: AttributeValue | undefined
  invalid: boolean
  onChange: (value: AttributeValue) => void
}

function AttributeField({ attribute, value, invalid, onChange }: FieldProps) {
  const { t } = useTranslation()
  const id = useId()
  const label = (
    <>
      {attribute.description || attribute.code}
      {attribute.required && <span aria-hidden="true"> *</span>}
    </>
  )
  const error = invalid ? (
    <span id={`${id}-error`} className="error">
      {t('contact.required')}
    </span>
  ) : null
  const common = {
    id,
    required: attribute.required,
    'aria-invalid': invalid || undefined,
    'aria-describedby': [attribute.datatype_description ? `${id}-help` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
  }
  const help = attribute.datatype_description ? (
    <span id={`${id}-help`} className="muted">
      {attribute.datatype_description}
    </span>
  ) : null

  if (attribute.datatype === 'multivaluelist') {
    const chosen = Array.isArray(value) ? value : []
    return (
      <fieldset className="field" aria-required={attribute.required} aria-invalid={invalid || undefined} aria-describedby={invalid ? `${id}-error` : undefined}>
        <legend>{label}</legend>
        {(attribute.values ?? []).map((option) => (
          <label key={option.key} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(option.key)}
              onChange={(event) => onChange(event.target.checked ? [...chosen, option.key] : chosen.filter((key) => key !== option.key))}
            />{' '}
            {option.name}
          </label>
        ))}
        {help}
        {error}
      </fieldset>
    )
  }
  const text = typeof value === 'string' ? value : ''
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {attribute.datatype === 'singlevaluelist' ? (
        <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('contact.choose')}</option>
          {(attribute.values ?? []).map((option) => (
            <option key={option.key} value={option.key}>
              {option.name}
            </option>
          ))}
        </select>
      ) : attribute.datatype === 'text' ? (
        <textarea {...common} rows={3} value={text} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={attribute.datatype === 'number' ? 'number' : attribute.datatype === 'datetime' ? 'datetime-local' : 'text'}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {help}
      {error}
    </div>
  )
}
