import { useMutation } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { newIdempotencyKey, portalWrites, type Contact, type PortalService, type Submission, type Submitted } from '../../../api/queries/portal'
import { visitorLanguage } from '../../../i18n'
import { ApiError } from '../../../api/client'
import { useProof } from '../../../shared/public/useProof'
import { attributePayload, formField, hasContact, type Errors, type ReportDraft } from './validate'

/** The contact as the API takes it: a blank field is left out, not sent empty. */
function contactPayload(contact: Contact) {
  const given = (value: string) => value.trim() || null
  return { first_name: given(contact.first_name), last_name: given(contact.last_name), email: given(contact.email), phone: given(contact.phone) }
}

export type Outcome = Submitted & { photoError: string | null }

/** The API's refusal as field errors; anything not about a field goes under "". */
export function refusalErrors(error: unknown, fallback: string): Errors {
  if (!(error instanceof ApiError)) return error ? { '': fallback } : {}
  const errors: Errors = {}
  for (const item of error.problem.errors ?? []) {
    const field = formField(item.field)
    errors[field] = errors[field] ? `${errors[field]} ${item.message}` : item.message
  }
  if (Object.keys(errors).length === 0) errors[''] = error.problem.detail ?? error.problem.title ?? fallback
  return errors
}

type Attempt = { form: string; body: Submission; key: string }

/** Whether the API answered (a refusal it keeps under the key) rather than the network failing or the server erring. */
const answered = (error: unknown) => error instanceof ApiError && error.status < 500

/**
 * Sends the report once, whatever the network does. A retry of the same form after a lost
 * answer or a server error sends the very same body (its proof included) under the same
 * Idempotency-Key, so a report that did arrive is answered again, not made twice; a changed
 * form, or one the API refused (it keeps that answer under the key), goes under a new key. The
 * bot check's proof is solved in the background from the resident's first touch of the form
 * (not on load: the page stays quick on a slow phone). The photo goes after the request, with
 * the upload token the API handed back.
 */
export function useSubmitReport(service: PortalService, photoFailed: string, started: boolean) {
  const [startedAt] = useState(() => new Date().toISOString())
  const proof = useProof(started)
  const retry = useRef<Attempt | null>(null)
  return useMutation({
    mutationFn: async ({ draft, photo }: { draft: ReportDraft; photo: Blob | null }): Promise<Outcome> => {
      const { location, contact } = draft
      const fields = {
        service_code: service.code,
        attributes: attributePayload(service, draft.answers),
        description: draft.description.trim(),
        lat: location.point?.lat ?? null,
        lon: location.point?.lon ?? null,
        address: location.address.trim() || null,
        contact: hasContact(contact) ? contactPayload(contact) : null,
        language: visitorLanguage(),
        consent: draft.consent,
        website: draft.website,
        started_at: startedAt,
      }
      const form = JSON.stringify(fields)
      const attempt =
        retry.current?.form === form ? retry.current : { form, body: { ...fields, proof: await proof.take() }, key: newIdempotencyKey() }
      let submitted: Submitted
      try {
        submitted = await portalWrites.submit(attempt.body, attempt.key)
      } catch (error) {
        retry.current = answered(error) ? null : attempt
        throw error
      }
      retry.current = null
      let photoError: string | null = null
      if (photo)
        photoError = await portalWrites.photo(submitted.number, submitted.upload_token, photo).then(
          () => null,
          (error: unknown) => (error instanceof ApiError && error.problem.detail) || photoFailed,
        )
      return { ...submitted, photoError }
    },
  })
}
