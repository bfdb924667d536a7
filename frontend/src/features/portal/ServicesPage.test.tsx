import { screen, within } from '@testing-library/react'
import i18n from '../../i18n'
import { mockApi } from '../../test/api'
import { h1Count, renderPage } from './renderPage'
import { ServicesPage } from './ServicesPage'
import { SERVICES } from './testData'

describe('ServicesPage', () => {
  it('groups the services by category, each an <a href="/report/{code}"> with its public description', async () => {
    mockApi({ 'GET /api/v1/public/services': SERVICES })
    renderPage('/report', <ServicesPage />, '/report')
    const streets = await screen.findByRole('region', { name: 'Streets' })
    expect(within(streets).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Pothole repair', '/report/trm-pothole-repair'],
      ['Streetlight out', '/report/trm-streetlight'],
    ])
    expect(within(streets).getByText('Holes in the road surface.')).toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'Trash and recycling' })).toBeInTheDocument()
    for (const service of SERVICES) expect(document.querySelector(`a[href="/report/${service.code}"]`)?.tagName).toBe('A')
    expect(h1Count()).toBe(1)
  })

  it('is in Spanish, and says when the list could not load', async () => {
    await i18n.changeLanguage('es')
    mockApi({ 'GET /api/v1/public/services': { status: 503, body: { title: 'Down', status: 503 } } })
    renderPage('/report', <ServicesPage />, '/report')
    expect(screen.getByRole('heading', { level: 1, name: 'Informar de un problema' })).toBeInTheDocument()
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent('No se pudieron cargar los servicios')
  })
})
