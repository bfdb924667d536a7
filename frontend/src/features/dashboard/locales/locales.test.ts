import en from './en.json'
import es from './es.json'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key))
}

describe('dashboard strings', () => {
  it('are complete in English and in Spanish', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort())
    expect(keys(es).filter((key) => key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown>)[part], es) === '')).toEqual([])
  })
})
