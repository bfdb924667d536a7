import { DUE_SOON_HOURS, slaState } from './sla'

const NOW = new Date('2026-11-25T12:00:00Z')
const inHours = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString()

describe('slaState', () => {
  it('is overdue once the expected date has passed', () => {
    expect(slaState(inHours(-0.01), 'in_progress', NOW)).toBe('overdue')
  })

  it(`is due soon within ${DUE_SOON_HOURS} hours, on track after`, () => {
    expect(slaState(inHours(1), 'new', NOW)).toBe('due_soon')
    expect(slaState(inHours(DUE_SOON_HOURS), 'new', NOW)).toBe('due_soon')
    expect(slaState(inHours(DUE_SOON_HOURS + 1), 'new', NOW)).toBe('on_track')
  })

  it('has no state for closed requests, requests without a date or with a bad one', () => {
    expect(slaState(inHours(-5), 'closed', NOW)).toBe('none')
    expect(slaState(null, 'new', NOW)).toBe('none')
    expect(slaState('not a date', 'new', NOW)).toBe('none')
  })
})
