import { useMutation } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { api, unwrap } from '../../api/client'

type Props = {
  department: string | null
  onCancel: () => void
  /** For a translation: the original's id, and the heading and button say so. */
  translationOf?: number
  languages?: readonly string[]
}

/** A new draft (or a draft translation of `translationOf`); opens it once created. */
export function NewArticleForm({ department, onCancel, translationOf, languages = ['en', 'es'] }: Props) {
  const { t } = useTranslation('knowledge')
  const navigate = useNavigate()
  const [title, setTitle] = useState('')
  const [summary, setSummary] = useState('')
  const [body, setBody] = useState('')
  const [language, setLanguage] = useState(languages[0] ?? 'en')
  const ids = { heading: useId(), title: useId(), summary: useId(), body: useId(), language: useId() }
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/articles', {
          body: { title: title.trim(), summary, body, language, status: 'draft', department, translation_of: translationOf ?? null },
        }),
      ),
    onSuccess: (article) => void navigate(`/knowledge/${article.id}`),
  })

  function submit(event: FormEvent) {
    event.preventDefault()
    if (title.trim()) create.mutate()
  }

  const translating = translationOf !== undefined
  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{translating ? t('translations.add') : t('create.heading')}</h2>
      <form onSubmit={submit} className="article-form">
        <label htmlFor={ids.language}>{translating ? t('translations.language') : t('article.language')}</label>
        <select id={ids.language} value={language} onChange={(event) => setLanguage(event.target.value)}>
          {languages.map((code) => (
            <option key={code} value={code}>
              {t(`languages.${code}`, { defaultValue: code })}
            </option>
          ))}
        </select>
        <label htmlFor={ids.title}>{t('editor.title')}</label>
        <input id={ids.title} required maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
        <label htmlFor={ids.summary}>{t('editor.summary')}</label>
        <textarea id={ids.summary} rows={2} maxLength={1000} value={summary} onChange={(event) => setSummary(event.target.value)} />
        <label htmlFor={ids.body}>{t('editor.body')}</label>
        <textarea id={ids.body} rows={8} maxLength={50000} value={body} onChange={(event) => setBody(event.target.value)} />
        <div className="kb-buttons">
          <button type="submit" disabled={!title.trim() || create.isPending}>
            {translating ? t('translations.create') : t('create.submit')}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('editor.cancel')}
          </button>
        </div>
        {create.isError && (
          <p role="alert" className="error">
            {t('actions.failed', { message: create.error.message })}
          </p>
        )}
      </form>
    </section>
  )
}
