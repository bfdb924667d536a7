import { useQuery } from '@tanstack/react-query'
import type { components } from '../api/client'
import { siteQueries } from '../api/queries/site'

export type Site = components['schemas']['SiteOut']

/** The installation's public settings (`GET /api/v1/site`): the city's time zone. */
export function useSite() {
  return useQuery(siteQueries.settings())
}
