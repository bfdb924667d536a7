import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

/** One search field and its button; the search runs when the visitor submits it. */
export function SearchBox({ label, initial, onSearch }: { label: string; initial: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation('portal')
  const id = useId()
  const [text, setText] = useState(initial)

  function submit(event: FormEvent) {
    event.preventDefault()
    onSearch(text.trim())
  }

  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <div className="search-row">
        <input id={id} type="search" value={text} onChange={(event) => setText(event.target.value)} />
        <button type="submit">{t('search.submit')}</button>
      </div>
    </form>
  )
}
