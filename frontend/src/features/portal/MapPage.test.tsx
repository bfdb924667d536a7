import { screen, within } from '@testing-library/react'
import i18n from '../../i18n'
import { mockApi } from '../../test/api'
import { MapPage } from './MapPage'
import { h1Count, renderPage } from './renderPage'
import { CLOSED_LIGHT, OPEN_POTHOLE, SERVICES } from './testData'

function setup(path = '/map') {
  const api = mockApi({ 'GET /api/v1/public/services': SERVICES, 'GET /api/v1/public/requests': [OPEN_POTHOLE, CLOSED_LIGHT] })
  return { api, ...renderPage('/map', <MapPage />, path) }
}

describe('MapPage', () => {
  it('lists the same requests as the map, public fields only, each linked to its status page', async () => {
    setup()
    expect(screen.getByRole('heading', { level: 1, name: 'Requests near you' })).toBeInTheDocument()
    expect(await screen.findByText('2 requests.')).toBeInTheDocument()
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    expect(within(rows[0]!).getByRole('link', { name: '26-00000042' })).toHaveAttribute('href', '/status/26-00000042')
    expect(rows[0]).toHaveTextContent('Being worked on')
    expect(rows[0]).toHaveTextContent('2100 block of EASTERN AVE')
    expect(rows[1]).toHaveTextContent('Closed')
    expect(rows[1]).toHaveTextContent('Not shown')
    expect(await screen.findByRole('region', { name: 'Map of 2 requests. The list below shows the same requests.' })).toBeInTheDocument()
    expect(h1Count()).toBe(1)
  })

  it('filters by service and status through the API, and keeps the filters in the address', async () => {
    const { api, user } = setup()
    await screen.findByText('2 requests.')
    await user.selectOptions(await screen.findByLabelText('Service'), 'trm-pothole-repair')
    await user.selectOptions(screen.getByLabelText('Status'), 'open')
    const last = api.calls.filter((call) => call.path === '/api/v1/public/requests').at(-1)!
    expect(last.url.searchParams.get('service_code')).toBe('trm-pothole-repair')
    expect(last.url.searchParams.get('status')).toBe('open')
  })

  it('is in Spanish', async () => {
    await i18n.changeLanguage('es')
    setup('/map?status=closed')
    expect(screen.getByRole('heading', { level: 1, name: 'Solicitudes cerca de usted' })).toBeInTheDocument()
    expect(await screen.findByText('2 solicitudes.')).toBeInTheDocument()
    expect(screen.getByLabelText('Estado')).toHaveValue('closed')
  })
})
