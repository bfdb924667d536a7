import { useMutation } from '@tanstack/react-query'
import { api, unwrap, type components } from '../../api/client'

export type CaseCreate = components['schemas']['CaseCreate']
export type RequestOut = components['schemas']['ServiceRequestOut']
export type Logged = {
  caseId: string
  requests: RequestOut[]
  linked: string[]
  resolvedOnFirstContact: boolean
  referral: CaseCreate['referral']
}

/**
 * Logs the contact (one POST /cases: the case, its new requests and the uses of the articles
 * the answer came from, all or none), then reads the new requests back for their expected dates.
 */
export function useLogContact() {
  return useMutation({
    mutationFn: async (body: CaseCreate): Promise<Logged> => {
      const created = await unwrap(api.POST('/api/v1/cases', { body }))
      const linked = body.request_ids ?? []
      const fresh = created.request_ids.filter((id) => !linked.includes(id))
      const requests = await Promise.all(
        fresh.map((request_id) => unwrap(api.GET('/api/v1/requests/{request_id}', { params: { path: { request_id } } }))),
      )
      return { caseId: created.id, requests, linked, resolvedOnFirstContact: body.resolved_on_first_contact === true, referral: body.referral ?? null }
    },
  })
}
