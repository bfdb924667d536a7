import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, unwrap, type components } from '../../api/client'
import { surveyKeys, surveyQueries } from '../../api/queries/surveys'

/**
 * The satisfaction survey behind the link of the email or text (`/survey/:token`). Public: the
 * signed token is the only permission. The API answers 403 for a forged link, 410 for an
 * expired one, 409 for a second answer.
 */
export type Survey = components['schemas']['SurveyOut']

const newKey = (): string => crypto.randomUUID()

export function useSurvey(token: string) {
  return useQuery(surveyQueries.survey(token))
}

export function useAnswerSurvey(token: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { score: number; comment?: string }) =>
      unwrap(
        api.POST('/api/v1/public/surveys/{token}/answer', {
          params: { path: { token }, header: { 'Idempotency-Key': newKey() } },
          body,
        }),
      ),
    onSuccess: (survey) => client.setQueryData(surveyKeys.survey(token), survey),
  })
}

export function useCommentSurvey(token: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (comment: string) =>
      unwrap(
        api.POST('/api/v1/public/surveys/{token}/comment', {
          params: { path: { token }, header: { 'Idempotency-Key': newKey() } },
          body: { comment },
        }),
      ),
    onSuccess: (survey) => client.setQueryData(surveyKeys.survey(token), survey),
  })
}
