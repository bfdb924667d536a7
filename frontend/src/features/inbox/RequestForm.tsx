import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { AddressSearch } from '../../shared/contact/AddressSearch'
import type { Address, Service } from '../../shared/contact/queries'
import { attributePayload, missingAttributes, ServiceForm, type AttributeValues } from '../../shared/contact/ServiceForm'
import { PersonalDataWarning } from '../../shared/PersonalDataWarning'
import type { Done } from './ConversationPage'
import { FormError } from './FormError'
import { useServices, useSuggestions, useTurnIntoRequest, type Conversation, type InboxSuggestions } from './useInbox'

type Props = { conversation: Conversation; onDone: (done: Done) => void; onCancel: () => void }

const MAX_TEXT = 4000

/** What the resident wrote, staff only on the request: every incoming message's text. */
function residentWords(conversation: Conversation): string {
  const said = conversation.messages.filter((message) => message.direction === 'in').map((message) => message.body.trim())
  return (said.filter(Boolean).join('\n\n') || conversation.case.notes).slice(0, MAX_TEXT)
}

/** The request form waits for the suggestions, so it starts prefilled from them. */
export function RequestForm(props: Props) {
  const { t } = useTranslation('inbox')
  const suggestions = useSuggestions(props.conversation.case.id)
  const services = useServices()
  if (suggestions.isPending || services.isPending) return <p role="status">{t('request.loading')}</p>
  return <Prefilled {...props} suggestions={suggestions.data} services={services.data ?? []} />
}

type PrefilledProps = Props & { suggestions: InboxSuggestions | undefined; services: Service[] }

function Prefilled({ conversation, onDone, onCancel, suggestions, services }: PrefilledProps) {
  const { t } = useTranslation('inbox')
  const id = useId()
  const suggested = suggestions?.services.find((service) => services.some((known) => known.code === service.service_code))
  const found = suggestions?.addresses[0]
  const [serviceCode, setServiceCode] = useState(suggested?.service_code ?? '')
  const [values, setValues] = useState<AttributeValues>({})
  const [address, setAddress] = useState<Address | null>(found?.candidates[0] ?? null)
  const [description, setDescription] = useState(conversation.case.summary)
  const [note, setNote] = useState(residentWords(conversation))
  const [showErrors, setShowErrors] = useState(false)
  const turn = useTurnIntoRequest(conversation.case.id)
  const service = services.find((item) => item.code === serviceCode)

  function submit(event: FormEvent) {
    event.preventDefault()
    setShowErrors(true)
    if (!service || missingAttributes(service, values).length > 0) return
    turn.mutate(
      {
        service_code: service.code,
        description,
        internal_note: note,
        location: address ? { lat: address.lat, long: address.long, address: address.address } : undefined,
        attributes: attributePayload(service, values),
      },
      { onSuccess: (turned) => onDone({ kind: 'request', requestId: turned.request_id }) },
    )
  }

  return (
    <form className="panel request-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 id={`${id}-title`}>{t('request.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-service`}>{t('request.service')}</label>
        {/* The agent asked for this form with T: its first choice takes the focus. */}
        <select
          id={`${id}-service`}
          autoFocus
          required
          aria-invalid={showErrors && !service ? true : undefined}
          aria-describedby={`${id}-suggested`}
          value={serviceCode}
          onChange={(event) => {
            setServiceCode(event.target.value)
            setValues({})
          }}
        >
          <option value="">{t('request.chooseService')}</option>
          {services.map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </select>
        <span id={`${id}-suggested`} className="muted">
          {suggested ? t('request.suggestedService', { name: suggested.name }) : t('request.noSuggestion')}
        </span>
        {showErrors && !service && <span className="error">{t('request.serviceRequired')}</span>}
      </div>
      {service && <ServiceForm service={service} values={values} onChange={setValues} showErrors={showErrors} />}
      <fieldset className="field">
        <legend>{t('request.location')}</legend>
        {found && <p className="muted">{t('request.foundAddress', { text: found.text })}</p>}
        <AddressSearch initialText={address?.address ?? found?.text ?? ''} onPick={setAddress} />
        <p aria-live="polite" data-testid="inbox-picked-address">
          {address ? t('request.picked', { address: address.address }) : t('request.noAddress')}
        </p>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('request.description')}</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          maxLength={MAX_TEXT}
          value={description}
          aria-describedby={`${id}-description-warning`}
          onChange={(event) => setDescription(event.target.value)}
        />
        <PersonalDataWarning id={`${id}-description-warning`} text={description} names={[conversation.resident_name]} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('request.note')}</label>
        <textarea id={`${id}-note`} rows={4} maxLength={MAX_TEXT} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <FormError error={turn.error} />
      <div className="actions">
        <button type="submit" disabled={turn.isPending}>
          {turn.isPending ? t('request.sending') : t('request.submit')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  )
}
