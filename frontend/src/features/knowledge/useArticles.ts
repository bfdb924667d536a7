import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, type components } from '../../api/client'
import {
  articleKeys,
  articleQueries,
  articleSnapshotOf,
  type ArticleAnswer,
  type ArticleSearch,
  type ArticleSnapshot,
} from '../../api/queries/articles'
import type { Me } from '../../shared/useMe'

export type { Article, ArticleSearch, ArticleSnapshot, ArticleStatus } from '../../api/queries/articles'
export { ARTICLE_PAGE as PAGE_SIZE } from '../../api/queries/articles'
export type ArticleItem = components['schemas']['ArticleItem']

export const NO_SEARCH: ArticleSearch = { q: '', language: '', status: '', staleOnly: false }

/** Search results, a page at a time: `fetchNextPage` appends the next page. */
export function useArticleList(search: ArticleSearch) {
  return useInfiniteQuery({ ...articleQueries.list(search), placeholderData: keepPreviousData })
}

export function useArticle(id: number | null) {
  return useQuery({ ...articleQueries.detail(id ?? 0), enabled: id !== null })
}

export function useVersions(id: number) {
  return useQuery(articleQueries.versions(id))
}

export const isConflict = (error: unknown) => error instanceof ApiError && error.status === 412
export type ArticleChange = (ifMatch: string) => Promise<ArticleAnswer>
export const articlePath = (id: number, ifMatch: string) => ({ path: { article_id: id }, header: { 'if-match': ifMatch } })

/** A change sent with the article's ETag; a 412 reloads the article so the writer can retry. */
export function useArticleChange(id: number) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (change: ArticleChange) => {
      const current = client.getQueryData<ArticleSnapshot>(articleKeys.detail(id))
      if (!current) throw new Error('the article is not loaded yet')
      return articleSnapshotOf(await change(current.etag))
    },
    onSuccess: (snapshot) => {
      client.setQueryData(articleKeys.detail(id), snapshot)
      void client.invalidateQueries({ queryKey: articleKeys.versions(id) })
      void client.invalidateQueries({ queryKey: articleKeys.lists() })
    },
    onError: (error) => {
      if (isConflict(error)) void client.invalidateQueries({ queryKey: articleKeys.detail(id) })
    },
  })
}

/** Mirrors domain/knowledge/permissions.py: who may write an article owned by `department`. */
export function mayWrite(me: Me | undefined, department: string | null): boolean {
  if (!me) return false
  if (me.role === 'admin' || me.role === 'supervisor') return true
  return me.role === 'staff' && me.tier === 'manager' && department !== null && department === me.department
}
