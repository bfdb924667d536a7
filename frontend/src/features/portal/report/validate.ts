import type { Contact, Point, PortalService } from '../../../api/queries/portal'
import type { Answer } from './QuestionField'

export type Location = { address: string; point: Point | null }
export type ReportDraft = {
  answers: Record<string, Answer>
  description: string
  location: Location
  contact: Contact
  consent: boolean
  website: string
}
export type Errors = Record<string, string>
type T = (key: string) => string

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^[+()\d\s.-]{7,}$/

export const EMPTY_CONTACT: Contact = { first_name: '', last_name: '', email: '', phone: '' }

function blank(answer: Answer | undefined): boolean {
  return answer === undefined || (Array.isArray(answer) ? answer.length === 0 : answer.trim() === '')
}

export function hasContact(contact: Contact): boolean {
  return Object.values(contact).some((value) => value.trim() !== '')
}

function questionErrors(service: PortalService, answers: Record<string, Answer>, t: T): Errors {
  const errors: Errors = {}
  for (const question of service.attributes.filter((each) => each.variable)) {
    const answer = answers[question.code]
    const key = `attributes.${question.code}`
    if (blank(answer)) {
      if (question.required) errors[key] = t('errors.required')
    } else if (question.datatype === 'number' && Number.isNaN(Number(String(answer).replace(',', '.')))) errors[key] = t('errors.number')
    else if (question.datatype === 'datetime' && Number.isNaN(new Date(String(answer)).getTime())) errors[key] = t('errors.datetime')
  }
  return errors
}

function contactErrors(service: PortalService, contact: Contact, t: T): Errors {
  const errors: Errors = {}
  const given = hasContact(contact)
  if (!given && service.anonymous_allowed) return errors
  if (!contact.first_name.trim()) errors['contact.first_name'] = t('errors.firstName')
  if (!contact.last_name.trim()) errors['contact.last_name'] = t('errors.lastName')
  if (!contact.email.trim() && !contact.phone.trim()) errors['contact.email'] = t('errors.emailOrPhone')
  if (contact.email.trim() && !EMAIL.test(contact.email.trim())) errors['contact.email'] = t('errors.email')
  if (contact.phone.trim() && !PHONE.test(contact.phone.trim())) errors['contact.phone'] = t('errors.phone')
  return errors
}

/** What is wrong with the draft, by field, in the order the form shows the fields. */
export function validate(service: PortalService, draft: ReportDraft, t: T): Errors {
  return {
    ...questionErrors(service, draft.answers, t),
    ...(draft.location.address.trim() || draft.location.point ? {} : { location: t('errors.location') }),
    ...contactErrors(service, draft.contact, t),
    ...(draft.consent ? {} : { consent: t('errors.consent') }),
  }
}

/** The answers as the API takes them: numbers as numbers, datetimes in ISO 8601, blanks left out. */
export function attributePayload(service: PortalService, answers: Record<string, Answer>): Record<string, string | number | string[]> {
  const payload: Record<string, string | number | string[]> = {}
  for (const question of service.attributes.filter((each) => each.variable)) {
    const answer = answers[question.code]
    if (blank(answer)) continue
    if (Array.isArray(answer)) payload[question.code] = answer
    else if (question.datatype === 'number') payload[question.code] = Number(answer!.replace(',', '.'))
    else if (question.datatype === 'datetime') payload[question.code] = new Date(answer!).toISOString()
    else payload[question.code] = answer!.trim()
  }
  return payload
}

/** The API's field names as the form's: "body.lat" → "location", "contact" → "contact.email". */
export function formField(apiField: string): string {
  const field = apiField.replace(/^body\./, '')
  if (['address', 'lat', 'lon', 'location'].includes(field)) return 'location'
  if (field === 'contact') return 'contact.email'
  if (field.startsWith('attributes.') || field.startsWith('contact.') || ['consent', 'description', 'photo'].includes(field)) return field
  return ''
}
