import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, unwrap, type components } from '../../api/client'
import { useLanguage } from '../../i18n/useLanguage'
import { useDebounced } from './useDebounced'

export type Service = components['schemas']['ServiceOut']
export type Attribute = components['schemas']['AttributeBody']
export type Article = components['schemas']['ArticleItem']
export type Resident = components['schemas']['ResidentOut']
export type Address = components['schemas']['AddressOut']
export type Resolution = components['schemas']['ResolutionOut']
export type Duplicate = components['schemas']['DuplicateOut']
export type Triage = components['schemas']['TriageOut']
export type Layer = components['schemas']['LayerOut']
export type Point = { lat: number; long: number }

const LIVE = 250 // ms of quiet typing before a live search goes out

export function useServices() {
  const lang = useLanguage()
  return useQuery({
    queryKey: ['services', lang],
    queryFn: () => unwrap(api.GET('/api/v1/services')),
    staleTime: 10 * 60_000,
    select: (list) => list.items,
  })
}

export function useResidentSearch(text: string) {
  const q = useDebounced(text.trim(), LIVE)
  return useQuery({
    queryKey: ['residents', 'search', q],
    queryFn: () => unwrap(api.GET('/api/v1/residents', { params: { query: { q, limit: 5 } } })),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    select: (list) => list.items,
  })
}

/** Articles for the caller's words (suggestions) or the agent's own search terms. */
export function useArticles(search: string, said: string, language: string) {
  const q = useDebounced(search.trim(), LIVE)
  const text = useDebounced(said.trim(), LIVE)
  const searched = useQuery({
    queryKey: ['articles', 'search', q, language],
    queryFn: () =>
      unwrap(api.GET('/api/v1/articles', { params: { query: { q, language, status: 'published', limit: 5 } } })),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    select: (list) => list.items,
  })
  const suggested = useQuery({
    queryKey: ['articles', 'suggestions', text, language],
    queryFn: () => unwrap(api.GET('/api/v1/articles/suggestions', { params: { query: { text, language } } })),
    enabled: text.length >= 3,
    placeholderData: keepPreviousData,
    select: (list) => list.items,
  })
  return { searched, suggested }
}

export function useTriage(said: string, language: string) {
  const text = useDebounced(said.trim(), LIVE)
  const lang = useLanguage()
  return useQuery({
    queryKey: ['triage', text, language, lang],
    queryFn: () => unwrap(api.POST('/api/v1/triage', { body: { text, language } })),
    enabled: text.length >= 3,
    placeholderData: keepPreviousData,
  })
}

export function useAddressSearch(text: string) {
  const q = useDebounced(text.trim(), LIVE)
  return useQuery({
    queryKey: ['addresses', q],
    queryFn: () => unwrap(api.GET('/api/v1/addresses', { params: { query: { q, limit: 6 } } })),
    enabled: q.length >= 3,
    select: (list) => list.items,
  })
}

export function useResolution(point: Point | null, serviceCode: string | null) {
  const lang = useLanguage()
  return useQuery({
    queryKey: ['resolve', point, serviceCode, lang],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/jurisdictions/resolve', {
          params: { query: { lat: point!.lat, long: point!.long, service_code: serviceCode } },
        }),
      ),
    enabled: point !== null,
  })
}

export function useNearby(point: Point | null, serviceCode: string | null) {
  return useQuery({
    queryKey: ['nearby', point, serviceCode],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/requests/nearby', {
          params: { query: { lat: point!.lat, long: point!.long, service_code: serviceCode!, limit: 5 } },
        }),
      ),
    enabled: point !== null && serviceCode !== null,
    select: (list) => list.items,
  })
}

export function useLayers() {
  const lang = useLanguage()
  return useQuery({
    queryKey: ['layers', lang],
    queryFn: () => unwrap(api.GET('/api/v1/jurisdictions/layers')),
    staleTime: 60 * 60_000,
    select: (list) => list.items,
  })
}

export async function reverseGeocode(point: Point): Promise<Address | null> {
  const { data, response } = await api.GET('/api/v1/addresses/reverse', { params: { query: point } })
  return response.ok && data ? data : null
}
