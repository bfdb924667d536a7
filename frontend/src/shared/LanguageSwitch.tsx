import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { changeLanguage, LANGUAGES, type Language } from '../i18n'

/** English / Español; the choice is remembered (localStorage) for the next visit. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const id = useId()
  return (
    <span className="language-switch">
      <label htmlFor={id}>{t('language')}</label>
      <select id={id} value={i18n.language} onChange={(event) => void changeLanguage(event.target.value as Language)}>
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`languages.${lang}`)}
          </option>
        ))}
      </select>
    </span>
  )
}
