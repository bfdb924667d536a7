import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { components } from '../api/client'
import { personalDataQueries } from '../api/queries/personalData'

export type Finding = components['schemas']['FindingOut']
const PAUSE_MS = 400

/**
 * What the API's personal-data rule finds in a text that will be public (emails, phone numbers,
 * the caller's name): asked once the agent pauses typing, so the rule lives in one place.
 */
export function usePersonalDataCheck(text: string, names: readonly (string | null | undefined)[] = []) {
  const [settled, setSettled] = useState(text.trim())
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text.trim()), PAUSE_MS)
    return () => clearTimeout(timer)
  }, [text])
  const known = names.map((name) => name?.trim() ?? '').filter(Boolean)
  const query = useQuery({ ...personalDataQueries.check(settled, known), enabled: settled !== '', placeholderData: keepPreviousData })
  const findings: Finding[] = text.trim() && settled ? (query.data?.findings ?? []) : []
  return findings
}
