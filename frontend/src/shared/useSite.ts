import { useQuery } from '@tanstack/react-query'
import { api, unwrap, type components } from '../api/client'

export type Site = components['schemas']['SiteOut']

/** The installation's public settings (`GET /api/v1/site`): the city's time zone. */
export function useSite() {
  return useQuery({
    queryKey: ['site'],
    queryFn: () => unwrap(api.GET('/api/v1/site')),
    staleTime: Infinity,
  })
}
