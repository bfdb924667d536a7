import { useMutation } from '@tanstack/react-query'
import { api, ApiError } from '../../api/client'

/**
 * Stops resident emails to the address the token names (the token comes from the link in an
 * email). Public: no sign-in. The API answers 204 for every valid token, again and again.
 */
export function useUnsubscribe() {
  return useMutation({
    mutationFn: async (token: string) => {
      const { error, response } = await api.POST('/api/v1/notifications/unsubscribe', { body: { token } })
      if (!response.ok) throw new ApiError(response.status, error)
    },
  })
}
