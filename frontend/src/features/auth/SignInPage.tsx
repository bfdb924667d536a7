import { useMutation } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, ApiError, unwrap } from '../../api/client'
import { session } from '../../api/session'
import { LanguageSwitch } from '../../shared/LanguageSwitch'

async function signIn(username: string, password: string): Promise<string> {
  const token = await unwrap(
    api.POST('/api/v1/auth/token', {
      body: { username, password },
      bodySerializer: (body) => new URLSearchParams(body),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    }),
  )
  return token.access_token
}

export function SignInPage() {
  const { t } = useTranslation('auth')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const emailId = useId()
  const passwordId = useId()
  const mutation = useMutation({
    mutationFn: () => signIn(email.trim(), password),
    onSuccess: (token) => session.start(token),
  })

  function submit(event: FormEvent) {
    event.preventDefault()
    mutation.mutate()
  }

  const status = mutation.error instanceof ApiError ? mutation.error.status : undefined
  const message = status === 401 ? t('wrong') : status === 429 ? t('throttled') : t('failed')
  return (
    <main id="main" className="sign-in">
      <div className="sign-in-language">
        <LanguageSwitch />
      </div>
      <h1>{t('title')}</h1>
      <form onSubmit={submit} noValidate>
        <label htmlFor={emailId}>{t('email')}</label>
        <input
          id={emailId}
          type="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label htmlFor={passwordId}>{t('password')}</label>
        <input
          id={passwordId}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {mutation.isError && (
          <p role="alert" className="error">
            {message}
          </p>
        )}
        <button type="submit" disabled={mutation.isPending || !email || !password}>
          {t('submit')}
        </button>
      </form>
    </main>
  )
}

export default SignInPage
