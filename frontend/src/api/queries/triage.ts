import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../client'

/** `lang` is the UI language: the suggested services are named in it. */
export const triageKeys = {
  all: ['triage'] as const,
  suggest: (text: string, language: string, lang: string) => [...triageKeys.all, 'suggest', text, language, lang] as const,
}

export const triageQueries = {
  suggest: (text: string, language: string, lang: string) =>
    queryOptions({
      queryKey: triageKeys.suggest(text, language, lang),
      queryFn: () => unwrap(api.POST('/api/v1/triage', { body: { text, language } })),
    }),
}
