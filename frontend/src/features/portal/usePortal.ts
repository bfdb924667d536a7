import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { portalQueries, type Point, type PortalService, type RequestFilter } from '../../api/queries/portal'
import { useLanguage } from '../../i18n/useLanguage'

/** `value`, once it has stopped changing for `delay` ms: live searches go out on pauses. */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay)
    return () => clearTimeout(timer)
  }, [value, delay])
  return settled
}

export function useServices() {
  return useQuery(portalQueries.services(useLanguage()))
}

export function useService(code: string) {
  return useQuery(portalQueries.service(code, useLanguage()))
}

export function useSearch(q: string) {
  return useQuery({ ...portalQueries.search(q, useLanguage()), enabled: q.trim().length > 0 })
}

export function useArticles(q: string) {
  return useQuery(portalQueries.articles(q, useLanguage()))
}

export function useArticle(id: number) {
  return useQuery({ ...portalQueries.article(id, useLanguage()), enabled: Number.isInteger(id) && id > 0 })
}

export function usePublicRequests(filter: RequestFilter) {
  return useQuery(portalQueries.requests(filter, useLanguage()))
}

export function useAddressSuggestions(text: string) {
  const q = useDebounced(text.trim(), 250)
  return useQuery({ ...portalQueries.addresses(q), enabled: q.length >= 3 })
}

export function useLocate(point: Point | null, serviceCode: string) {
  return useQuery({ ...portalQueries.locate(point ?? { lat: 0, lon: 0 }, serviceCode, useLanguage()), enabled: point !== null })
}

export function useNearby(code: string, point: Point | null) {
  return useQuery({ ...portalQueries.nearby(code, point ?? { lat: 0, lon: 0 }, useLanguage()), enabled: point !== null })
}

/** Services by their group, groups and services in alphabetical order of the visitor's language. */
export function groupServices(services: PortalService[], otherGroup: string): [string, PortalService[]][] {
  const groups = new Map<string, PortalService[]>()
  for (const service of services) {
    const group = service.group || otherGroup
    groups.set(group, [...(groups.get(group) ?? []), service])
  }
  const byName = (a: string, b: string) => a.localeCompare(b)
  return [...groups.entries()]
    .sort(([a], [b]) => byName(a, b))
    .map(([group, items]) => [group, [...items].sort((a, b) => byName(a.name, b.name))])
}

/** The most-used services first (rank 1 is the most used); unranked ones are left out. */
export function mostUsed(services: PortalService[], count: number): PortalService[] {
  return services
    .filter((service) => service.popular_rank !== null)
    .sort((a, b) => (a.popular_rank ?? 0) - (b.popular_rank ?? 0))
    .slice(0, count)
}
