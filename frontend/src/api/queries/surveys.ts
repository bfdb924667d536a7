import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../client'

export const surveyKeys = {
  all: ['survey'] as const,
  survey: (token: string) => [...surveyKeys.all, token] as const,
}

export const surveyQueries = {
  /** The survey of a signed link: answered or not, until when it works. Public: no sign-in. */
  survey: (token: string) =>
    queryOptions({
      queryKey: surveyKeys.survey(token),
      queryFn: () => unwrap(api.GET('/api/v1/public/surveys/{token}', { params: { path: { token } } })),
      retry: false,
    }),
}
