import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { SearchBox } from './SearchBox'
import { SearchResults } from './SearchResults'
import { mostUsed, useServices } from './usePortal'
import './portal.css'

function PopularServices() {
  const { t } = useTranslation('portal')
  const services = useServices()
  const popular = mostUsed(services.data ?? [], 6)
  if (popular.length === 0) return null
  return (
    <section aria-labelledby="popular" className="portal-section">
      <h2 id="popular">{t('home.popular')}</h2>
      <ul className="card-grid">
        {popular.map((service) => (
          <li key={service.code}>
            <Link to={`/report/${encodeURIComponent(service.code)}`}>{service.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** `/`: the residents' front door. One search for answers and services, then the most-used services. */
export function HomePage() {
  const { t } = useTranslation('portal')
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  return (
    <div className="portal">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        <SearchBox label={t('home.searchLabel')} initial={q} onSearch={(text) => setParams(text ? { q: text } : {})} />
      </section>
      <SearchResults q={q} />
      <PopularServices />
      <section aria-labelledby="more" className="portal-section">
        <h2 id="more">{t('home.more')}</h2>
        <ul className="card-grid">
          <li>
            <Link to="/report">{t('home.report')}</Link>
          </li>
          <li>
            <Link to="/map">{t('home.map')}</Link>
          </li>
          <li>
            <Link to="/status">{t('home.status')}</Link>
          </li>
          <li>
            <Link to="/answers">{t('home.answers')}</Link>
          </li>
        </ul>
      </section>
    </div>
  )
}

export default HomePage
