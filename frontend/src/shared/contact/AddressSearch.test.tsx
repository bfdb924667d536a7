import { screen } from '@testing-library/react'
import { mockApi } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { AddressSearch } from './AddressSearch'

const EASTERN_AVE = { address: '2125 EASTERN AVE', zip: '21231', lat: 39.285731, long: -76.585982, score: 0.95 }
const EASTERN_PKWY = { address: '6010 EASTERN PKWY', zip: '21214', lat: 39.35, long: -76.56, score: 0.7 }

async function typeEastern() {
  mockApi({ 'GET /api/v1/addresses': { items: [EASTERN_AVE, EASTERN_PKWY] } })
  const onPick = vi.fn()
  const { user } = renderWithProviders(<AddressSearch onPick={onPick} />)
  const box = screen.getByRole('combobox', { name: 'Address' })
  await user.type(box, '2125 Eastern')
  await screen.findByRole('option', { name: /2125 EASTERN AVE/ })
  return { user, box, onPick }
}

describe('AddressSearch', () => {
  it('highlights nothing until the agent moves to a suggestion', async () => {
    const { box } = await typeEastern()
    expect(box).toHaveAttribute('aria-expanded', 'true')
    expect(box).not.toHaveAttribute('aria-activedescendant')
    for (const option of screen.getAllByRole('option')) expect(option).toHaveAttribute('aria-selected', 'false')
  })

  it('Down then Enter picks the first suggestion', async () => {
    const { user, box, onPick } = await typeEastern()
    await user.keyboard('{ArrowDown}')
    const first = screen.getByRole('option', { name: /2125 EASTERN AVE/ })
    expect(box).toHaveAttribute('aria-activedescendant', first.id)
    expect(first).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('{Enter}')
    expect(onPick).toHaveBeenCalledWith(EASTERN_AVE)
    expect(box).toHaveValue('2125 EASTERN AVE')
  })

  it('Up from nothing goes to the last suggestion, and Down wraps to the first', async () => {
    const { user, box } = await typeEastern()
    await user.keyboard('{ArrowUp}')
    expect(box).toHaveAttribute('aria-activedescendant', screen.getByRole('option', { name: /6010 EASTERN PKWY/ }).id)
    await user.keyboard('{ArrowDown}')
    expect(box).toHaveAttribute('aria-activedescendant', screen.getByRole('option', { name: /2125 EASTERN AVE/ }).id)
  })

  it('Enter with nothing highlighted picks nothing and does not send the form', async () => {
    const onSubmit = vi.fn((event: Event) => event.preventDefault())
    mockApi({ 'GET /api/v1/addresses': { items: [EASTERN_AVE, EASTERN_PKWY] } })
    const onPick = vi.fn()
    const { user } = renderWithProviders(
      <form onSubmit={(event) => onSubmit(event.nativeEvent)}>
        <AddressSearch onPick={onPick} />
      </form>,
    )
    await user.type(screen.getByRole('combobox', { name: 'Address' }), '2125 Eastern')
    await screen.findByRole('option', { name: /2125 EASTERN AVE/ })
    await user.keyboard('{Enter}')
    expect(onPick).not.toHaveBeenCalled()
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('Escape closes the suggestions and forgets the highlight', async () => {
    const { user, box } = await typeEastern()
    await user.keyboard('{ArrowDown}{Escape}')
    expect(box).toHaveAttribute('aria-expanded', 'false')
    expect(box).not.toHaveAttribute('aria-activedescendant')
  })
})
