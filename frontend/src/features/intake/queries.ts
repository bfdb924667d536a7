import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, type components } from '../../api/client'
import { departmentQueries } from '../../api/queries/departments'
import { jurisdictionQueries, type Point } from '../../api/queries/jurisdictions'
import { requestQueries } from '../../api/queries/requests'
import { residentQueries } from '../../api/queries/residents'
import { serviceQueries } from '../../api/queries/services'
import { triageQueries } from '../../api/queries/triage'
import { useLanguage } from '../../i18n/useLanguage'
import { LIVE, useDebounced } from '../../shared/contact/queries'

export type Resident = components['schemas']['ResidentOut']
export type Resolution = components['schemas']['ResolutionOut']
export type Duplicate = components['schemas']['DuplicateOut']
export type Triage = components['schemas']['TriageOut']
export type Layer = components['schemas']['LayerOut']
export type { Point }
export type { Address, Article, Attribute, Service } from '../../shared/contact/queries'
import type { Address } from '../../shared/contact/queries'

/** The caller picker offers a handful of residents; the residents screen lists more. */
export const CALLER_MATCHES = 5
const NEARBY_MATCHES = 5

const itemsOf = <T,>(list: { items: T[] }) => list.items

/** Services a new request may be filed under (active ones only). */
export function useServices() {
  return useQuery({ ...serviceQueries.list('active', useLanguage()), select: itemsOf })
}

export function useResidentSearch(text: string) {
  const q = useDebounced(text.trim(), LIVE)
  return useQuery({
    ...residentQueries.search(q, CALLER_MATCHES),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    select: itemsOf,
  })
}

export function useTriage(said: string, language: string) {
  const text = useDebounced(said.trim(), LIVE)
  return useQuery({
    ...triageQueries.suggest(text, language, useLanguage()),
    enabled: text.length >= 3,
    placeholderData: keepPreviousData,
  })
}

export function useResolution(point: Point | null, serviceCode: string | null) {
  return useQuery({ ...jurisdictionQueries.resolve(point, serviceCode, useLanguage()), enabled: point !== null })
}

export function useNearby(point: Point | null, serviceCode: string | null) {
  return useQuery({
    ...requestQueries.nearby(point, serviceCode, NEARBY_MATCHES),
    enabled: point !== null && serviceCode !== null,
    select: itemsOf,
  })
}

export function useLayers() {
  return useQuery({ ...jurisdictionQueries.layers(useLanguage()), select: itemsOf })
}

/** Departments by name, for a complaint or praise about one. */
export function useDepartments() {
  return useQuery({
    ...departmentQueries.list(useLanguage()),
    select: (list) => [...list.items].sort((a, b) => a.name.localeCompare(b.name)),
  })
}

export async function reverseGeocode(point: Point): Promise<Address | null> {
  const { data, response } = await api.GET('/api/v1/addresses/reverse', { params: { query: point } })
  return response.ok && data ? data : null
}
