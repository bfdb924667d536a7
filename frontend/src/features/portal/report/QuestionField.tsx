import { useTranslation } from 'react-i18next'
import type { ServiceQuestion } from '../../../api/queries/portal'
import { Field, fieldId } from './Field'

export type Answer = string | string[]

type Props = { question: ServiceQuestion; value: Answer | undefined; error?: string; onChange: (value: Answer) => void }

function Label({ question }: { question: ServiceQuestion }) {
  const { t } = useTranslation('portal')
  return (
    <>
      {question.description || question.code}
      {!question.required && (
        <>
          {' '}
          <span className="optional">{t('report.optional')}</span>
        </>
      )}
    </>
  )
}

function Choices({ question, value, error, onChange }: Props) {
  const id = fieldId(`attributes.${question.code}`)
  const chosen = Array.isArray(value) ? value : []
  return (
    <fieldset
      className={error ? 'field field-error' : 'field'}
      id={id}
      tabIndex={-1}
      aria-describedby={[question.datatype_description ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend>
        <Label question={question} />
      </legend>
      {question.datatype_description && (
        <span id={`${id}-hint`} className="hint">
          {question.datatype_description}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="error">
          {error}
        </span>
      )}
      {question.values.map((option) => (
        <label key={option.key} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(option.key)}
            onChange={(event) => onChange(event.target.checked ? [...chosen, option.key] : chosen.filter((key) => key !== option.key))}
          />{' '}
          {option.name}
        </label>
      ))}
    </fieldset>
  )
}

/** One of the service's questions, whatever its Open311 datatype. */
export function QuestionField(props: Props) {
  const { t } = useTranslation('portal')
  const { question, value, error, onChange } = props
  if (question.datatype === 'multivaluelist') return <Choices {...props} />
  const text = typeof value === 'string' ? value : ''
  return (
    <Field name={`attributes.${question.code}`} label={<Label question={question} />} hint={question.datatype_description} error={error} required={question.required}>
      {(control) =>
        question.datatype === 'singlevaluelist' ? (
          <select {...control} value={text} onChange={(event) => onChange(event.target.value)}>
            <option value="">{t('report.choose')}</option>
            {question.values.map((option) => (
              <option key={option.key} value={option.key}>
                {option.name}
              </option>
            ))}
          </select>
        ) : question.datatype === 'text' ? (
          <textarea {...control} rows={4} value={text} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <input
            {...control}
            type={question.datatype === 'datetime' ? 'datetime-local' : 'text'}
            inputMode={question.datatype === 'number' ? 'decimal' : undefined}
            value={text}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  )
}
