import { queryOptions } from '@tanstack/react-query'
import { api, ApiError, unwrap, type components } from '../client'

export type InboxItem = components['schemas']['InboxItemOut']
export type InboxList = components['schemas']['InboxList']
export type Conversation = components['schemas']['ConversationOut']
export type InboxMessage = components['schemas']['MessageOut']
export type ReplyTemplate = components['schemas']['ReplyTemplateOut']
export type InboxSuggestions = components['schemas']['SuggestionsOut']
export type InboxChannel = components['schemas']['MessageChannel']

/** The Inbox screen's filters. */
export type InboxFilter = { channel: InboxChannel | ''; unread: boolean }

/** The conversation and the ETag of its case: every change sends it back in If-Match. */
export type ConversationSnapshot = { conversation: Conversation; etag: string }

export const INBOX_PAGE = 100

export const inboxKeys = {
  all: ['inbox'] as const,
  lists: () => [...inboxKeys.all, 'list'] as const,
  list: (filter: InboxFilter) => [...inboxKeys.lists(), filter] as const,
  unread: () => [...inboxKeys.all, 'unread'] as const,
  conversations: () => [...inboxKeys.all, 'conversation'] as const,
  conversation: (caseId: string) => [...inboxKeys.conversations(), caseId] as const,
  templates: (language: string) => [...inboxKeys.all, 'templates', language] as const,
  suggestions: (caseId: string, lang: string) => [...inboxKeys.all, 'suggestions', caseId, lang] as const,
}

export const inboxQueries = {
  /** The cases waiting in the Inbox, latest activity first (the first 100). */
  list: (filter: InboxFilter) =>
    queryOptions({
      queryKey: inboxKeys.list(filter),
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/inbox', {
            params: { query: { channel: filter.channel || undefined, unread: filter.unread || undefined, limit: INBOX_PAGE } },
          }),
        ),
    }),
  /** The unread messages of the whole Inbox, for the navigation's badge. */
  unread: () =>
    queryOptions({
      queryKey: inboxKeys.unread(),
      queryFn: async () => (await unwrap(api.GET('/api/v1/inbox', { params: { query: { limit: 1 } } }))).unread_total,
    }),
  conversation: (caseId: string) =>
    queryOptions({
      queryKey: inboxKeys.conversation(caseId),
      queryFn: async (): Promise<ConversationSnapshot> => {
        const { data, error, response } = await api.GET('/api/v1/inbox/{case_id}', { params: { path: { case_id: caseId } } })
        if (!response.ok || !data) throw new ApiError(response.status, error)
        return { conversation: data, etag: response.headers.get('ETag') ?? `"v${data.case.version}"` }
      },
    }),
  /** Reply templates in the resident's language. */
  templates: (language: string) =>
    queryOptions({
      queryKey: inboxKeys.templates(language),
      queryFn: () => unwrap(api.GET('/api/v1/inbox/templates', { params: { query: { language } } })),
      staleTime: Infinity,
    }),
  /** A service and an address for a request, from what the resident wrote; `lang` names the services. */
  suggestions: (caseId: string, lang: string) =>
    queryOptions({
      queryKey: inboxKeys.suggestions(caseId, lang),
      queryFn: () => unwrap(api.GET('/api/v1/inbox/{case_id}/suggestions', { params: { path: { case_id: caseId } } })),
    }),
}
