import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { groupServices, useServices } from './usePortal'
import './portal.css'

/** `/report`: every service the city takes online, by category, each a link to its form. */
export function ServicesPage() {
  const { t } = useTranslation('portal')
  const services = useServices()
  return (
    <div className="portal">
      <h1>{t('services.title')}</h1>
      <p>{t('services.intro')}</p>
      {services.isPending && <p role="status">{t('services.loading')}</p>}
      {services.isError && (
        <p role="alert" className="error">
          {t('services.failed')}
        </p>
      )}
      {services.data &&
        groupServices(services.data, t('services.otherGroup')).map(([group, items], index) => (
          <section key={group} className="portal-section" aria-labelledby={`group-${index}`}>
            <h2 id={`group-${index}`}>{group}</h2>
            <ul className="service-list">
              {items.map((service) => (
                <li key={service.code}>
                  <Link to={`/report/${encodeURIComponent(service.code)}`}>{service.name}</Link>
                  {service.description && <p className="muted">{service.description}</p>}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  )
}

export default ServicesPage
