import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, ApiError, unwrap, type components } from '../../api/client'
import { caseKeys } from '../../api/queries/cases'
import { articleKeys } from '../../api/queries/articles'
import { inboxKeys, inboxQueries, type ConversationSnapshot, type InboxFilter } from '../../api/queries/inbox'
import { requestKeys } from '../../api/queries/requests'
import { serviceQueries } from '../../api/queries/services'
import { useLanguage } from '../../i18n/useLanguage'

export type { Conversation, InboxFilter, InboxItem, InboxMessage, InboxSuggestions, ReplyTemplate } from '../../api/queries/inbox'
export type RequestBody = components['schemas']['InboxRequestIn']
export type CloseBody = components['schemas']['CloseIn']
export type ReplyBody = components['schemas']['ReplyIn']

export const NO_FILTER: InboxFilter = { channel: '', unread: false }

export function useInboxList(filter: InboxFilter) {
  return useQuery({ ...inboxQueries.list(filter), placeholderData: keepPreviousData, refetchInterval: 60_000 })
}

export function useConversation(caseId: string) {
  return useQuery(inboxQueries.conversation(caseId))
}

export function useTemplates(language: string) {
  return useQuery(inboxQueries.templates(language))
}

export function useSuggestions(caseId: string) {
  return useQuery(inboxQueries.suggestions(caseId, useLanguage()))
}

/** Services a new request may be filed under (active ones only), in the UI's language. */
export function useServices() {
  return useQuery({ ...serviceQueries.list('active', useLanguage()), select: (list) => list.items })
}

export const isConflict = (error: unknown) => error instanceof ApiError && (error.status === 409 || error.status === 412)

/** After any change to a case, the queue, its badge and the conversation are read again. */
function useRefresh(caseId: string) {
  const client = useQueryClient()
  return () => {
    void client.invalidateQueries({ queryKey: inboxKeys.lists() })
    void client.invalidateQueries({ queryKey: inboxKeys.unread() })
    void client.invalidateQueries({ queryKey: inboxKeys.conversation(caseId) })
  }
}

function useEtag(caseId: string) {
  const client = useQueryClient()
  return () => client.getQueryData<ConversationSnapshot>(inboxKeys.conversation(caseId))?.etag
}

export function useMarkRead(caseId: string) {
  const refresh = useRefresh(caseId)
  return useMutation({
    mutationFn: async () => {
      const { response, error } = await api.POST('/api/v1/inbox/{case_id}/read', { params: { path: { case_id: caseId } } })
      if (!response.ok) throw new ApiError(response.status, error)
    },
    onSuccess: refresh,
  })
}

/** Sends a reply to the resident on the channel they wrote from; the worker delivers it. */
export function useReply(caseId: string) {
  const refresh = useRefresh(caseId)
  return useMutation({
    mutationFn: (body: ReplyBody) => unwrap(api.POST('/api/v1/inbox/{case_id}/replies', { params: { path: { case_id: caseId } }, body })),
    onSuccess: refresh,
  })
}

/** Opens a request from the case (If-Match: the case on screen); the case leaves the Inbox. */
export function useTurnIntoRequest(caseId: string) {
  const refresh = useRefresh(caseId)
  const client = useQueryClient()
  const etag = useEtag(caseId)
  return useMutation({
    mutationFn: (body: RequestBody) =>
      unwrap(api.POST('/api/v1/inbox/{case_id}/request', { params: { path: { case_id: caseId }, header: { 'if-match': etag() } }, body })),
    onSuccess: () => {
      refresh()
      void client.invalidateQueries({ queryKey: requestKeys.queues() })
      void client.invalidateQueries({ queryKey: caseKeys.all })
    },
    onError: (error) => isConflict(error) && refresh(),
  })
}

/** Closes the case as information, referral or other; the articles used count. */
export function useCloseCase(caseId: string) {
  const refresh = useRefresh(caseId)
  const client = useQueryClient()
  const etag = useEtag(caseId)
  return useMutation({
    mutationFn: (body: CloseBody) =>
      unwrap(api.POST('/api/v1/inbox/{case_id}/close', { params: { path: { case_id: caseId }, header: { 'if-match': etag() } }, body })),
    onSuccess: () => {
      refresh()
      void client.invalidateQueries({ queryKey: articleKeys.all })
      void client.invalidateQueries({ queryKey: caseKeys.all })
    },
    onError: (error) => isConflict(error) && refresh(),
  })
}
