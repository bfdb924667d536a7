import { addDays, isIsoDate, startOfDay, todayIn } from './city-days'

describe('city days', () => {
  it('starts a day at the city midnight, on both sides of a DST change', () => {
    expect(startOfDay('2026-07-01', 'America/New_York')).toBe('2026-07-01T04:00:00.000Z')
    expect(startOfDay('2026-12-01', 'America/New_York')).toBe('2026-12-01T05:00:00.000Z')
    // 2026-11-01: New York falls back at 2:00, after midnight (still EDT).
    expect(startOfDay('2026-11-01', 'America/New_York')).toBe('2026-11-01T04:00:00.000Z')
    expect(startOfDay('2026-11-02', 'America/New_York')).toBe('2026-11-02T05:00:00.000Z')
    expect(startOfDay('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z')
    expect(startOfDay('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z')
  })

  it("gives today's date where the city is, not where the browser is", () => {
    // 03:00 UTC on Dec 5 is still Dec 4 in New York (the tests run in Tokyo, already Dec 5).
    expect(todayIn('America/New_York', new Date('2026-12-05T03:00:00Z'))).toBe('2026-12-04')
  })

  it('adds days across months and years, and checks dates', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(isIsoDate('2026-02-28')).toBe(true)
    expect(isIsoDate('2026-2-28')).toBe(false)
    expect(isIsoDate(null)).toBe(false)
  })
})
