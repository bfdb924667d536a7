import { screen } from '@testing-library/react'
import { useState } from 'react'
import { mockApi } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { CallerSection, NO_CALLER, residentName, type Caller } from './CallerSection'

const ANA = {
  id: 'r-1',
  first_name: 'Ana',
  last_name: 'Ruiz',
  phones: ['410-555-0100'],
  emails: ['ana@example.org'],
  address: null,
  preferred_language: 'es',
  contact_preference: 'email' as const,
  created_at: '2026-01-01T00:00:00Z',
}

function Harness({ onCaller }: { onCaller: (caller: Caller) => void }) {
  const [caller, setCaller] = useState<Caller>(NO_CALLER)
  return (
    <CallerSection
      value={caller}
      onChange={(next) => {
        setCaller(next)
        onCaller(next)
      }}
    />
  )
}

describe('CallerSection', () => {
  it('finds a caller by what the agent types and selects them', async () => {
    const api = mockApi({ 'GET /api/v1/residents': { items: [ANA] } })
    const seen: Caller[] = []
    const { user } = renderWithProviders(<Harness onCaller={(caller) => seen.push(caller)} />)
    await user.type(screen.getByLabelText('Find a caller (name, phone or email)'), '410-555')
    await user.click(await screen.findByRole('button', { name: 'Select Ana Ruiz' }))
    expect(seen.at(-1)!.resident?.id).toBe('r-1')
    expect(screen.getByText('Caller:')).toBeInTheDocument()
    expect(screen.queryByLabelText('First name')).toBeNull()
    expect(api.calls.at(-1)!.url.searchParams.get('q')).toBe('410-555')

    await user.click(screen.getByRole('button', { name: 'Change caller' }))
    expect(seen.at(-1)).toEqual(NO_CALLER)
  })

  it('says when nobody matches', async () => {
    mockApi({ 'GET /api/v1/residents': { items: [] } })
    const { user } = renderWithProviders(<Harness onCaller={() => undefined} />)
    await user.type(screen.getByLabelText('Find a caller (name, phone or email)'), 'zz')
    expect(await screen.findByText('No caller found.')).toBeInTheDocument()
  })

  it('an anonymous caller gives no details', async () => {
    mockApi({})
    const seen: Caller[] = []
    const { user } = renderWithProviders(<Harness onCaller={(caller) => seen.push(caller)} />)
    await user.type(screen.getByLabelText('Last name'), 'Ruiz')
    await user.click(screen.getByLabelText('Anonymous caller'))
    expect(seen.at(-1)).toEqual({ ...NO_CALLER, anonymous: true })
    expect(screen.queryByLabelText('Last name')).toBeNull()
  })

  it('names a resident by name, else by email or phone', () => {
    expect(residentName(ANA)).toBe('Ana Ruiz')
    expect(residentName({ ...ANA, first_name: null, last_name: null })).toBe('ana@example.org')
  })
})
