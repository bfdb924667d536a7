import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, ApiError, unwrap, type components } from '../../api/client'
import type { Me } from '../../shared/useMe'

export type Article = components['schemas']['ArticleOut']
export type ArticleItem = components['schemas']['ArticleItem']
export type ArticleStatus = components['schemas']['ArticleStatus']
export type ArticleSnapshot = { article: Article; etag: string }

export type ArticleSearch = { q: string; language: string; status: '' | ArticleStatus; staleOnly: boolean }
export const NO_SEARCH: ArticleSearch = { q: '', language: '', status: '', staleOnly: false }

export const articleKey = (id: number) => ['articles', 'detail', id] as const

export const PAGE_SIZE = 50

/** Search results, a page at a time: `fetchNextPage` appends the next page. */
export function useArticleList(search: ArticleSearch) {
  return useInfiniteQuery({
    queryKey: ['articles', 'list', search],
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
              limit: PAGE_SIZE,
              offset: pageParam,
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.next_offset ?? undefined,
    placeholderData: keepPreviousData,
  })
}

type Answer = { data?: Article; error?: unknown; response: Response }

function snapshotOf({ data, error, response }: Answer): ArticleSnapshot {
  if (!response.ok || !data) throw new ApiError(response.status, error)
  return { article: data, etag: response.headers.get('ETag') ?? `"v${data.version}"` }
}

export function useArticle(id: number | null) {
  return useQuery({
    queryKey: articleKey(id ?? 0),
    queryFn: async () => snapshotOf(await api.GET('/api/v1/articles/{article_id}', { params: { path: { article_id: id! } } })),
    enabled: id !== null,
  })
}

export function useVersions(id: number) {
  return useQuery({
    queryKey: ['articles', 'versions', id],
    queryFn: () => unwrap(api.GET('/api/v1/articles/{article_id}/versions', { params: { path: { article_id: id } } })),
  })
}

export const isConflict = (error: unknown) => error instanceof ApiError && error.status === 412
export type ArticleChange = (ifMatch: string) => Promise<Answer>
export const articlePath = (id: number, ifMatch: string) => ({ path: { article_id: id }, header: { 'if-match': ifMatch } })

/** A change sent with the article's ETag; a 412 reloads the article so the writer can retry. */
export function useArticleChange(id: number) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (change: ArticleChange) => {
      const current = client.getQueryData<ArticleSnapshot>(articleKey(id))
      if (!current) throw new Error('the article is not loaded yet')
      return snapshotOf(await change(current.etag))
    },
    onSuccess: (snapshot) => {
      client.setQueryData(articleKey(id), snapshot)
      void client.invalidateQueries({ queryKey: ['articles', 'versions', id] })
      void client.invalidateQueries({ queryKey: ['articles', 'list'] })
    },
    onError: (error) => {
      if (isConflict(error)) void client.invalidateQueries({ queryKey: articleKey(id) })
    },
  })
}

/** Mirrors domain/knowledge/permissions.py: who may write an article owned by `department`. */
export function mayWrite(me: Me | undefined, department: string | null): boolean {
  if (!me) return false
  if (me.role === 'admin' || me.role === 'supervisor') return true
  return me.role === 'staff' && me.tier === 'manager' && department !== null && department === me.department
}
