import { screen, waitFor, within } from '@testing-library/react'
import i18n from '../../i18n'
import { renderRequestPage } from './renderRequestPage'
import { aLink, aRequest, MANAGER, STAFF, TIMELINE } from './testData'

// vite.config.ts runs every test in Tokyo's time zone; the city (the API's /site) is New York's.
const ROSA = { first_name: 'Rosa', last_name: 'Parks', email: 'rosa@example.net', phone: '+1 (410) 555-0100', language: 'es' }
const region = async (name: string) => within(await screen.findByRole('region', { name }))
const fact = (list: Awaited<ReturnType<typeof region>>, term: string) => list.getByText(term, { selector: 'dt' }).nextElementSibling as HTMLElement

describe('RequestDetailPage: what staff need for a call-back', () => {
  it('shows the reporter’s phone and email as links to call or write to', async () => {
    renderRequestPage(STAFF, {}, aRequest({ reporter: ROSA }))
    const reporter = await region('Reporter')
    await waitFor(() => expect(reporter.getByText('Rosa Parks')).toBeInTheDocument())
    expect(reporter.getByRole('link', { name: '+1 (410) 555-0100' })).toHaveAttribute('href', 'tel:+14105550100')
    expect(reporter.getByRole('link', { name: 'rosa@example.net' })).toHaveAttribute('href', 'mailto:rosa@example.net')
    expect(fact(reporter, 'Language')).toHaveTextContent('Spanish')
  })

  it('says so when the reporter left no way to reach them, or no name at all', async () => {
    renderRequestPage(STAFF, {}, aRequest({ reporter: { ...ROSA, email: null, phone: null } }))
    expect(await screen.findByText('No phone or email given')).toBeInTheDocument()
  })

  it('lists who else reported it, with their contact details, and the request it was merged into', async () => {
    const linked = {
      duplicate_of: aLink('26-00000009', { first_name: 'Ana', last_name: 'Ruiz' }, { status: 'in_progress' }),
      duplicates: [aLink('26-00000004', { first_name: 'Lena', last_name: 'Leakcheck', phone: '+14105550177' }), aLink('26-00000005', {}, { channel: 'phone' })],
    }
    renderRequestPage(STAFF, { 'GET /api/v1/requests/26-00000001/linked': linked })
    const panel = await region('Linked reports')
    expect(await panel.findByRole('heading', { name: 'Also reported by 2 people' })).toBeInTheDocument()
    expect(panel.getByText(/This request is a duplicate of/)).toHaveTextContent('This request is a duplicate of 26-00000009 (In progress), reported by Ana Ruiz')
    expect(panel.getByRole('link', { name: '26-00000009' })).toHaveAttribute('href', '/requests/26-00000009')
    const [lena, anonymous] = within(panel.getByRole('list')).getAllByRole('listitem')
    expect(lena).toHaveTextContent('Lena Leakcheck +14105550177')
    expect(within(lena!).getByRole('link', { name: '+14105550177' })).toHaveAttribute('href', 'tel:+14105550177')
    expect(lena).toHaveTextContent('26-00000004 · Nov 25, 10:30 AM EST · Web')
    expect(anonymous).toHaveTextContent('Anonymous')
    expect(anonymous).toHaveTextContent('26-00000005 · Nov 25, 10:30 AM EST · Phone')
  })

  it('draws a small map of the point, named for screen readers, with the areas it lies in', async () => {
    const area = { type: 'Feature', id: 12, properties: { layer: 'neighborhoods', code: 'x', name: 'Downtown', current: true }, geometry: { type: 'Polygon', coordinates: [[[-76.62, 39.28], [-76.6, 39.28], [-76.6, 39.3], [-76.62, 39.28]]] } }
    const { api } = renderRequestPage(STAFF, { 'GET /api/v1/jurisdictions/12': area }, aRequest({ areas: [{ id: 12, layer: 'neighborhoods', code: 'x', name: 'Downtown' }] }))
    const map = await region('Map')
    expect(await map.findByRole('img', { name: "Map of the request's location: 100 N Holliday St" })).toBeInTheDocument()
    expect(map.getByText('Downtown')).toBeInTheDocument()
    await waitFor(() => expect(api.calls.map((call) => call.path)).toContain('/api/v1/jurisdictions/12'))
    await waitFor(() => expect(document.querySelectorAll('.point-map-canvas path')).toHaveLength(2)) // the outline and the point
    expect(api.unhandled).toEqual([])
  })

  it('has no map for a request without a point', async () => {
    renderRequestPage(STAFF, {}, aRequest({ location: { lat: null, long: null, address: null, hint: null } }))
    await screen.findByRole('region', { name: 'Reporter' })
    expect(screen.queryByRole('region', { name: 'Map' })).toBeNull()
  })
})

describe('RequestDetailPage: names and times as people read them', () => {
  it('shows times in the city’s time zone and says which, whatever the browser’s', async () => {
    renderRequestPage(STAFF, {}, aRequest({ requested_at: '2026-11-24T10:00:00Z', expected_datetime: '2026-11-27T22:00:00Z' }))
    const details = await region('Details')
    await waitFor(() => expect(fact(details, 'Requested')).toHaveTextContent('Nov 24, 5:00 AM EST'))
    expect(fact(details, 'Due')).toHaveTextContent('Nov 27, 5:00 PM EST') // Nov 28 in Tokyo
    const created = within(screen.getByRole('region', { name: 'Timeline' })).getAllByRole('listitem')[0]!
    expect(created.querySelector('time')).toHaveTextContent('Nov 24, 5:00 AM EST')
  })

  it.each([
    [{ overdue: true }, /Overdue$/],
    [{ due_soon: true }, /Due soon$/],
    [{}, /EST$/],
  ])('says beside the due date what the API says (%o)', async (flags, shown) => {
    renderRequestPage(STAFF, {}, aRequest({ expected_datetime: '2026-11-27T22:00:00Z', ...flags }))
    const details = await region('Details')
    await waitFor(() => expect(fact(details, 'Due').textContent).toMatch(shown))
  })

  it('says the zone in Spanish too', async () => {
    await i18n.changeLanguage('es')
    renderRequestPage(STAFF, {}, aRequest({ requested_at: '2026-11-24T10:00:00Z' }))
    const details = await region('Detalles')
    await waitFor(() => expect(fact(details, 'Recibida')).toHaveTextContent('24 nov, 5:00 GMT-5'))
  })

  it('names the service, the department and the assignee, never their codes', async () => {
    const timeline = { items: TIMELINE.items.filter((entry) => entry.kind === 'transfer') }
    renderRequestPage(MANAGER, { 'GET /api/v1/requests/26-00000001/timeline': timeline }, aRequest({ assignee_id: 'u-mia' }))
    const details = await region('Details')
    await waitFor(() => expect(fact(details, 'Service')).toHaveTextContent('Pothole repair'))
    await waitFor(() => expect(fact(details, 'Department')).toHaveTextContent('Transportation'))
    await waitFor(() => expect(fact(details, 'Assigned to')).toHaveTextContent('Mia Road'))
    expect(await (await region('Timeline')).findByText('Transferred from Sanitation to Transportation')).toBeInTheDocument()
  })
})
