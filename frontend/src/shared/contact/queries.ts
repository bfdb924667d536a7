import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { components } from '../../api/client'
import { addressQueries } from '../../api/queries/addresses'
import { articleQueries } from '../../api/queries/articles'
import { useDebounced } from './useDebounced'

export type Service = components['schemas']['ServiceOut']
export type Attribute = components['schemas']['AttributeBody']
export type Article = components['schemas']['ArticleItem']
export type Address = components['schemas']['AddressOut']

/** ms of quiet typing before a live search goes out */
export const LIVE = 250
const ARTICLE_MATCHES = 5
const ADDRESS_MATCHES = 6

const itemsOf = <T,>(list: { items: T[] }) => list.items

export { useDebounced }

/** Articles for the caller's words (suggestions) or the agent's own search terms. */
export function useArticles(search: string, said: string, language: string) {
  const q = useDebounced(search.trim(), LIVE)
  const text = useDebounced(said.trim(), LIVE)
  const searched = useQuery({
    ...articleQueries.published(q, language, ARTICLE_MATCHES),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    select: itemsOf,
  })
  const suggested = useQuery({
    ...articleQueries.suggestions(text, language),
    enabled: text.length >= 3,
    placeholderData: keepPreviousData,
    select: itemsOf,
  })
  return { searched, suggested }
}

/** One article's text, read to the caller; the same cache entry as the knowledge editor's. */
export function useArticleText(id: number) {
  return useQuery({ ...articleQueries.detail(id), staleTime: 5 * 60_000, select: (snapshot) => snapshot.article })
}

export function useAddressSearch(text: string) {
  const q = useDebounced(text.trim(), LIVE)
  return useQuery({ ...addressQueries.search(q, ADDRESS_MATCHES), enabled: q.length >= 3, select: itemsOf })
}
