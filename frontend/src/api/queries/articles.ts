import { queryOptions, infiniteQueryOptions } from '@tanstack/react-query'
import { api, ApiError, unwrap, type components } from '../client'

export type Article = components['schemas']['ArticleOut']
export type ArticleStatus = components['schemas']['ArticleStatus']
/** The article and the ETag it came with: every change sends it back in If-Match. */
export type ArticleSnapshot = { article: Article; etag: string }
export type ArticleAnswer = { data?: Article; error?: unknown; response: Response }
/** The knowledge screen's filters. */
export type ArticleSearch = { q: string; language: string; status: '' | ArticleStatus; staleOnly: boolean }

export const ARTICLE_PAGE = 50

export function articleSnapshotOf({ data, error, response }: ArticleAnswer): ArticleSnapshot {
  if (!response.ok || !data) throw new ApiError(response.status, error)
  return { article: data, etag: response.headers.get('ETag') ?? `"v${data.version}"` }
}

export const articleKeys = {
  all: ['articles'] as const,
  lists: () => [...articleKeys.all, 'list'] as const,
  list: (search: ArticleSearch) => [...articleKeys.lists(), search] as const,
  published: (q: string, language: string, limit: number) => [...articleKeys.all, 'published', q, language, limit] as const,
  suggestions: (text: string, language: string) => [...articleKeys.all, 'suggestions', text, language] as const,
  detail: (id: number) => [...articleKeys.all, 'detail', id] as const,
  versions: (id: number) => [...articleKeys.all, 'versions', id] as const,
}

export const articleQueries = {
  /** The knowledge screen's results, a page at a time. */
  list: (search: ArticleSearch) =>
    infiniteQueryOptions({
      queryKey: articleKeys.list(search),
      initialPageParam: 0,
      queryFn: ({ pageParam }) =>
        unwrap(
          api.GET('/api/v1/articles', {
            params: {
              query: {
                q: search.q || undefined,
                language: search.language || undefined,
                status: search.status || undefined,
                stale: search.staleOnly ? true : undefined,
                limit: ARTICLE_PAGE,
                offset: pageParam,
              },
            },
          }),
        ),
      getNextPageParam: (page) => page.next_offset ?? undefined,
    }),
  /** Published articles matching the agent's own search terms. */
  published: (q: string, language: string, limit: number) =>
    queryOptions({
      queryKey: articleKeys.published(q, language, limit),
      queryFn: () => unwrap(api.GET('/api/v1/articles', { params: { query: { q, language, status: 'published', limit } } })),
    }),
  /** Articles suggested by what the caller says. */
  suggestions: (text: string, language: string) =>
    queryOptions({
      queryKey: articleKeys.suggestions(text, language),
      queryFn: () => unwrap(api.GET('/api/v1/articles/suggestions', { params: { query: { text, language } } })),
    }),
  /** One article with its ETag (the editor and the intake panel read the same entry). */
  detail: (id: number) =>
    queryOptions({
      queryKey: articleKeys.detail(id),
      queryFn: async () => articleSnapshotOf(await api.GET('/api/v1/articles/{article_id}', { params: { path: { article_id: id } } })),
    }),
  versions: (id: number) =>
    queryOptions({
      queryKey: articleKeys.versions(id),
      queryFn: () => unwrap(api.GET('/api/v1/articles/{article_id}/versions', { params: { path: { article_id: id } } })),
    }),
}
