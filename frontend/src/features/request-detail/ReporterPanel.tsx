import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Reporter } from './useRequest'

export const reporterName = (reporter: Reporter) => [reporter.first_name, reporter.last_name].filter(Boolean).join(' ')

/** Phone and email as links an agent can call or write to; nothing when neither was given. */
export function ContactLinks({ reporter }: { reporter: Reporter }) {
  return (
    <>
      {reporter.phone && (
<a href={`tel:${reporter.phone.replace(/[^0-9+]/g, '')}`}>{reporter.phone}</a>
      )}
      {reporter.phone && reporter.email && ' · '}
      {reporter.email && (
<a href={`mailto:${reporter.email}`}>{reporter.email}</a>
      )}
    </>
  )
}

/** Who reported the request and how to call them back (the API gives contact details only to those who may see them). */
export function ReporterPanel({ reporter }: { reporter: Reporter }) {
  const { t, i18n } = useTranslation('request-detail')
  const heading = useId()
  const name = reporterName(reporter)
  const language = reporter.language ? new Intl.DisplayNames([i18n.language], { type: 'language' }).of(reporter.language) : null
  const reachable = reporter.phone || reporter.email
  return (
    <section className="panel" aria-labelledby={heading}>
      <h2 id={heading}>{t('reporter.heading')}</h2>
      {!name && !reachable ? (
        <p>{t('reporter.anonymous')}</p>
      ) : (
        <dl className="detail-list">
          <div>
            <dt>{t('reporter.name')}</dt>
            <dd>{name || t('reporter.noName')}</dd>
          </div>
          <div>
            <dt>{t('reporter.contact')}</dt>
            <dd className="contact-links">{reachable ? <ContactLinks reporter={reporter} /> : t('reporter.noContact')}</dd>
          </div>
          {language && (
            <div>
              <dt>{t('reporter.language')}</dt>
              <dd>{language}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  )
}
