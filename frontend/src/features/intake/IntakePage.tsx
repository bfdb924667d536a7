import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, type components } from '../../api/client'
import { CallerSection, NO_CALLER, type Caller } from './CallerSection'
import { Confirmation } from './Confirmation'
import { ABOUT_A_DEPARTMENT, DepartmentField } from './DepartmentField'
import { DuplicatesPanel } from './DuplicatesPanel'
import { KnowledgePanel } from '../../shared/contact/KnowledgePanel'
import { LocationSection, type Location, type Referral } from './LocationSection'
import { OutcomeSection } from './OutcomeSection'
import { PublicDescription } from './PublicDescription'
import { useNearby, useServices, useTriage, type Article, type Service } from './queries'
import { attributePayload, missingAttributes, ServiceForm, type AttributeValues } from '../../shared/contact/ServiceForm'
import { TriageBanners } from './TriageBanners'
import { useLogContact, type CaseCreate } from './useLogContact'
import { useNewContactRequest } from './useNewContactRequest'

type Channel = components['schemas']['Channel']
type CaseType = components['schemas']['CaseType']
type ReferralTarget = components['schemas']['ReferralTarget']

export const CHANNELS: Channel[] = ['phone', 'walk_in', 'email', 'chat', 'text', 'social', 'letter', 'web', 'mobile']
export const CASE_TYPES: CaseType[] = ['information', 'service_request', 'status_inquiry', 'referral', 'complaint', 'praise', 'other']

type Draft = {
  channel: Channel
  type: CaseType
  language: string
  said: string
  caller: Caller
  used: Article[]
  serviceCode: string
  attributes: AttributeValues
  description: string
  location: Location
  linked: string | null
  referral: '' | ReferralTarget
  agency: string
  agencyPhone: string
  agencyUrl: string
  department: string
  resolved: boolean
  startedAt: string
}

function emptyDraft(language: string): Draft {
  return {
    channel: 'phone',
    type: 'information',
    language,
    said: '',
    caller: NO_CALLER,
    used: [],
    serviceCode: '',
    attributes: {},
    description: '',
    location: { point: null, address: '' },
    linked: null,
    referral: '',
    agency: '',
    agencyPhone: '',
    agencyUrl: '',
    department: '',
    resolved: false,
    startedAt: new Date().toISOString(),
  }
}

/** The contact as POST /cases takes it; `endedAt` closes the contact's handle time. */
export function caseBody(draft: Draft, service: Service | undefined, endedAt = new Date()): CaseCreate {
  const { caller } = draft
  const newCaller = caller.newCaller
  const hasNewCaller = Object.values(newCaller).some((value) => value.trim() !== '')
  const point = draft.location.point
  const request =
    service && !draft.linked
      ? {
          service_code: service.code,
          // Public: only what the agent wrote for residents. The caller's words are staff-only.
          description: draft.description.trim().slice(0, 4000),
          internal_note: draft.said.trim().slice(0, 4000),
          attributes: attributePayload(service, draft.attributes),
          channel: draft.channel,
          location: point || draft.location.address ? { lat: point?.lat ?? null, long: point?.long ?? null, address: draft.location.address || null } : null,
        }
      : null
  return {
    channel: draft.channel,
    type: draft.type,
    language: draft.language,
    summary: draft.said.trim().slice(0, 1000),
    notes: draft.said.trim().slice(0, 8000),
    anonymous: caller.anonymous,
    resident_id: caller.resident?.id ?? null,
    resident:
      !caller.anonymous && !caller.resident && hasNewCaller
        ? {
            first_name: newCaller.first_name.trim() || null,
            last_name: newCaller.last_name.trim() || null,
            phones: newCaller.phone.trim() ? [newCaller.phone.trim()] : [],
            emails: newCaller.email.trim() ? [newCaller.email.trim()] : [],
            preferred_language: draft.language,
          }
        : null,
    article_ids: draft.used.map((article) => article.id),
    request_ids: draft.linked ? [draft.linked] : [],
    requests: request ? [request] : [],
    referral: draft.referral ? referralBody(draft) : null,
    department: ABOUT_A_DEPARTMENT.includes(draft.type) ? draft.department || null : null,
    resolved_on_first_contact: draft.resolved,
    started_at: draft.startedAt,
    ended_at: endedAt.toISOString(),
  }
}

function referralBody(draft: Draft): NonNullable<CaseCreate['referral']> {
  const body = { target: draft.referral as ReferralTarget, agency: draft.agency.trim() || null, phone: draft.agencyPhone.trim() || null }
  return draft.agencyUrl.trim() ? { ...body, url: draft.agencyUrl.trim() } : body
}

/** New contact: identify, answer or take a request with its location, read back, close. By keyboard. */
export default function IntakePage() {
  const { t, i18n } = useTranslation('intake')
  const id = useId()
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(i18n.language))
  const [showErrors, setShowErrors] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const agencyInput = useRef<HTMLInputElement>(null)
  const services = useServices()
  const service = services.data?.find((candidate) => candidate.code === draft.serviceCode)
  const triage = useTriage(draft.said, draft.language)
  const nearby = useNearby(draft.location.point, service?.code ?? null)
  const log = useLogContact()
  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }))

  function pickService(code: string) {
    const becomesRequest = code && (draft.type === 'information' || draft.type === 'referral')
    update({ serviceCode: code, attributes: {}, linked: null, type: becomesRequest ? 'service_request' : draft.type })
  }

  /** Not the city's: the contact becomes a referral to that government, and opens no request. */
  function recordReferral({ agency, phone, url }: Referral) {
    update({ type: 'referral', referral: 'external', agency, agencyPhone: phone, agencyUrl: url, serviceCode: '', attributes: {}, linked: null })
    requestAnimationFrame(() => agencyInput.current?.focus())
  }

  function toggleArticle(article: Article) {
    const used = draft.used.some((item) => item.id === article.id)
    update({ used: used ? draft.used.filter((item) => item.id !== article.id) : [...draft.used, article] })
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    if (service && !draft.linked && missingAttributes(service, draft.attributes).length > 0) {
      setShowErrors(true)
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"] input, [aria-invalid="true"]')?.focus())
      return
    }
    log.mutate(caseBody(draft, service))
  }

  function startOver() {
    log.reset()
    setShowErrors(false)
    setDraft(emptyDraft(i18n.language))
  }

  // A contact under way is kept: the agent only goes back to its first field.
  useNewContactRequest(() => (log.isSuccess ? startOver() : document.getElementById(`${id}-channel`)?.focus()))

  if (log.isSuccess) return <Confirmation logged={log.data} onNext={startOver} />

  const groups = groupServices(services.data ?? [])
  const problem = log.error instanceof ApiError ? log.error : null
  return (
    <form ref={form} className="intake" data-shortcut="save" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('title')}</h1>
      <section className="panel contact" aria-label={t('contact.title')}>
        <span className="field">
          <label htmlFor={`${id}-channel`}>{t('contact.channel')}</label>
          <select id={`${id}-channel`} autoFocus value={draft.channel} onChange={(event) => update({ channel: event.target.value as Channel })}>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`channels.${channel}`)}
              </option>
            ))}
          </select>
        </span>
        <span className="field">
          <label htmlFor={`${id}-type`}>{t('contact.type')}</label>
          <select id={`${id}-type`} value={draft.type} onChange={(event) => update({ type: event.target.value as CaseType })}>
            {CASE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
        </span>
        {ABOUT_A_DEPARTMENT.includes(draft.type) && <DepartmentField value={draft.department} onChange={(department) => update({ department })} />}
        <span className="field">
          <label htmlFor={`${id}-language`}>{t('contact.language')}</label>
          <select id={`${id}-language`} value={draft.language} onChange={(event) => update({ language: event.target.value })}>
            <option value="en">English</option>
            <option value="es">Español</option>
          </select>
        </span>
      </section>

      <CallerSection value={draft.caller} onChange={(caller) => update({ caller })} />

      <div className="intake-work">
        <section className="panel said" aria-labelledby={`${id}-said-heading`}>
          <h2 id={`${id}-said-heading`}>{t('said.title')}</h2>
          <label htmlFor={`${id}-said`}>{t('said.label')}</label>
          <p id={`${id}-said-hint`} className="muted">
            {t('said.hint')}
          </p>
          <textarea id={`${id}-said`} rows={3} value={draft.said} aria-describedby={`${id}-said-hint`} onChange={(event) => update({ said: event.target.value })} />
          <TriageBanners triage={triage.data} onService={pickService} />
        </section>
        <KnowledgePanel said={draft.said} language={draft.language} used={draft.used} onToggle={toggleArticle} />
      </div>

      <section className="panel" aria-labelledby={`${id}-service-heading`}>
        <h2 id={`${id}-service-heading`}>{t('service.title')}</h2>
        <span className="field">
          <label htmlFor={`${id}-service`}>{t('service.label')}</label>
          <select id={`${id}-service`} value={draft.serviceCode} onChange={(event) => pickService(event.target.value)}>
            <option value="">{t('service.none')}</option>
            {groups.map(([group, members]) => (
              <optgroup key={group} label={group}>
                {members.map((member) => (
                  <option key={member.code} value={member.code}>
                    {member.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </span>
        {service && (
          <>
            {service.description && <p className="muted">{service.description}</p>}
            <ServiceForm service={service} values={draft.attributes} onChange={(attributes) => update({ attributes })} showErrors={showErrors} />
            <PublicDescription value={draft.description} onChange={(description) => update({ description })} callerNames={callerNames(draft.caller)} />
          </>
        )}
      </section>

      {service && (
        <LocationSection
          value={draft.location}
          onChange={(location) => update({ location, linked: null })}
          serviceCode={service.code}
          onRefer={recordReferral}
        />
      )}
      {service && <DuplicatesPanel duplicates={nearby.data ?? []} linked={draft.linked} onLink={(linked) => update({ linked })} />}

      <OutcomeSection value={draft} onChange={update} isReferral={draft.type === 'referral' && !service} agencyRef={agencyInput} />

      {showErrors && service && missingAttributes(service, draft.attributes).length > 0 && (
        <p role="alert" className="banner danger">
          {t('service.incomplete')}
        </p>
      )}
      {log.isError && (
        <div role="alert" className="banner danger">
          <p>{t('failed', { message: log.error.message })}</p>
          {problem?.problem.errors && (
            <ul>
              {problem.problem.errors.map((error) => (
                <li key={`${error.field}-${error.message}`}>
                  {error.field}: {error.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="actions">
        <button type="submit" disabled={log.isPending}>
          {t('submit')}
        </button>
      </div>
    </form>
  )
}

/** The names public text must not hold: the caller picked, or the new caller typed in. */
function callerNames(caller: Caller): (string | null)[] {
  if (caller.resident) return [caller.resident.first_name, caller.resident.last_name]
  return [caller.newCaller.first_name, caller.newCaller.last_name]
}

function groupServices(services: Service[]): [string, Service[]][] {
  const groups = new Map<string, Service[]>()
  for (const service of [...services].sort((a, b) => a.name.localeCompare(b.name))) {
    groups.set(service.group, [...(groups.get(service.group) ?? []), service])
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))
}
