import { hashKey, type QueryKey } from '@tanstack/react-query'

/**
 * No two queries share a cache entry. Every query factory exported from src/api/queries (an
 * `…Queries` object of functions returning query options) is called with sample arguments, and
 * two calls may build the same key only if they are the same factory with the same arguments.
 * A new module is walked without being listed; a new factory fails until it has samples here.
 */
type Factory = (...args: unknown[]) => { queryKey?: QueryKey; queryFn?: unknown }
type Probe = { factory: string; args: unknown[]; key: QueryKey }

const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true })

// Factories that take the same kind of input get the same values, so two factories that build
// one key from them collide here as they would in the cache.
const Q = 'smith'
const LANG = 'en'
const LAYER = 'council'
const WINDOW = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }
const POINT = { lat: 39.29, long: -76.61 }
const SERIES = { ...WINDOW, kind: 'requests', interval: 'day', measure: 'count' }
const QUEUE = { statuses: ['new'] }
const SEARCH = { q: '', language: '', status: '', staleOnly: false }

/** Per factory: the arguments it is probed with, and another value for each of them. */
const SAMPLES: Record<string, { base: unknown[]; other: unknown[] }> = {
  'addressQueries.search': { base: [Q, 5], other: ['jones', 6] },
  'articleQueries.list': { base: [SEARCH], other: [{ ...SEARCH, q: Q }] },
  'articleQueries.published': { base: [Q, LANG, 5], other: ['jones', 'es', 50] },
  'articleQueries.suggestions': { base: [Q, LANG], other: ['jones', 'es'] },
  'articleQueries.detail': { base: [1], other: [2] },
  'articleQueries.versions': { base: [1], other: [2] },
  'caseQueries.list': { base: [['complaint'], 5], other: [['praise'], 50] },
  'inboxQueries.list': { base: [{ channel: '', unread: false }], other: [{ channel: 'email', unread: true }] },
  'inboxQueries.unread': { base: [], other: [] },
  'inboxQueries.conversation': { base: ['case-1'], other: ['case-2'] },
  'inboxQueries.templates': { base: [LANG], other: ['es'] },
  'inboxQueries.suggestions': { base: ['case-1', LANG], other: ['case-2', 'es'] },
  'departmentQueries.list': { base: [LANG], other: ['es'] },
  'jurisdictionQueries.layers': { base: [LANG], other: ['es'] },
  'jurisdictionQueries.layerAreas': { base: [LAYER, LANG], other: ['ward', 'es'] },
  'jurisdictionQueries.layerShapes': { base: [LAYER, 20], other: ['ward', 5] },
  'jurisdictionQueries.area': { base: [1], other: [2] },
  'jurisdictionQueries.resolve': { base: [POINT, 'trm-pothole-repair', LANG], other: [{ lat: 0, long: 0 }, null, 'es'] },
  'metricsQueries.summary': { base: [WINDOW, LANG], other: [{ ...WINDOW, department: 'dpw' }, 'es'] },
  'metricsQueries.series': { base: [SERIES, LANG], other: [{ ...SERIES, interval: 'week' }, 'es'] },
  'metricsQueries.topIssues': { base: [WINDOW, LAYER, 5, LANG], other: [{ ...WINDOW, department: 'dpw' }, 'ward', 50, 'es'] },
  'metricsQueries.openByArea': { base: [LAYER, undefined, LANG], other: ['ward', 'dpw', 'es'] },
  'open311Queries.request': { base: ['26-00000001', LANG], other: ['26-00000002', 'es'] },
  'open311Queries.serviceNames': { base: [LANG], other: ['es'] },
  'portalQueries.search': { base: [Q, LANG], other: ['jones', 'es'] },
  'portalQueries.articles': { base: [Q, LANG], other: ['jones', 'es'] },
  'portalQueries.article': { base: [1, LANG], other: [2, 'es'] },
  'portalQueries.services': { base: [LANG], other: ['es'] },
  'portalQueries.service': { base: ['trm-pothole-repair', LANG], other: ['sw-missed-pickup', 'es'] },
  'portalQueries.requests': { base: [{ serviceCode: '', status: '' }, LANG], other: [{ serviceCode: 'x', status: 'open' }, 'es'] },
  'portalQueries.request': { base: ['26-00000001', LANG], other: ['26-00000002', 'es'] },
  'portalQueries.nearby': { base: ['trm-pothole-repair', { lat: 39.29, lon: -76.61 }, LANG], other: ['x', { lat: 0, lon: 0 }, 'es'] },
  'portalQueries.addresses': { base: [Q], other: ['jones'] },
  'portalQueries.locate': { base: [{ lat: 39.29, lon: -76.61 }, 'trm-pothole-repair', LANG], other: [{ lat: 0, lon: 0 }, 'x', 'es'] },
  'personalDataQueries.check': { base: [Q, []], other: ['jones', [Q]] },
  'reportCardQueries.card': { base: [LANG], other: ['es'] },
  'surveyQueries.survey': { base: ['26-1.1796449612.mac'], other: ['26-2.1796449612.mac'] },
  'requestQueries.queue': { base: [QUEUE], other: [{ ...QUEUE, q: Q }] },
  'requestQueries.detail': { base: ['26-00000001'], other: ['26-00000002'] },
  'requestQueries.timeline': { base: ['26-00000001'], other: ['26-00000002'] },
  'requestQueries.linked': { base: ['26-00000001'], other: ['26-00000002'] },
  'requestQueries.photos': { base: ['26-00000001'], other: ['26-00000002'] },
  'requestQueries.nearby': { base: [POINT, 'trm-pothole-repair', 5], other: [{ lat: 0, long: 0 }, null, 50] },
  'residentQueries.search': { base: [Q, 5], other: ['jones', 50] },
  'residentQueries.detail': { base: ['r-1'], other: ['r-2'] },
  'serviceQueries.list': { base: ['active', LANG], other: ['all', 'es'] },
  'siteQueries.settings': { base: [], other: [] },
  'triageQueries.suggest': { base: [Q, LANG, LANG], other: ['jones', 'es', 'es'] },
  'userQueries.list': { base: [], other: [] },
  'userQueries.me': { base: [], other: [] },
}

function entries(suffix: string): [string, string, Record<string, unknown>][] {
  return Object.entries(modules).flatMap(([path, exports]) =>
    Object.entries(exports)
      .filter(([name, value]) => name.endsWith(suffix) && typeof value === 'object' && value !== null)
      .map(([name, value]): [string, string, Record<string, unknown>] => [path, name, value as Record<string, unknown>]),
  )
}

function factories(): Map<string, Factory> {
  const found = new Map<string, Factory>()
  for (const [, name, group] of entries('Queries'))
    for (const [prop, value] of Object.entries(group)) if (typeof value === 'function') found.set(`${name}.${prop}`, value as Factory)
  return found
}

/** Each factory at its base arguments, then with one argument at a time changed. */
function argumentSets(name: string): unknown[][] {
  const { base, other } = SAMPLES[name]!
  return [base, ...other.map((value, index) => base.map((given, at) => (at === index ? value : given)))]
}

const startsWith = (key: QueryKey, prefix: QueryKey) => prefix.every((part, at) => hashKey([part]) === hashKey([key[at]]))

function probe(found: Map<string, Factory>): Probe[] {
  return [...found].filter(([factory]) => factory in SAMPLES).flatMap(([factory, build]) =>
    argumentSets(factory).map((args) => {
      const options = build(...args)
      expect(options.queryFn, `${factory} gives query options`).toBeTypeOf('function')
      return { factory, args, key: options.queryKey! }
    }),
  )
}

/** Two different queries that share a key, if any. */
function collisions(probes: readonly Probe[]): string[] {
  const byKey = new Map<string, Probe>()
  const found: string[] = []
  for (const current of probes) {
    const hash = hashKey(current.key)
    const first = byKey.get(hash)
    if (!first) byKey.set(hash, current)
    else if (first.factory !== current.factory || hashKey(first.args) !== hashKey(current.args))
      found.push(`${first.factory}(${JSON.stringify(first.args)}) and ${current.factory}(${JSON.stringify(current.args)}) share ${hash}`)
  }
  return found
}

describe('query keys', () => {
  const found = factories()

  it('finds the query factories', () => {
    expect(found.size).toBeGreaterThanOrEqual(30)
  })

  it('probes every factory with every parameter', () => {
    expect([...found.keys()].filter((name) => !(name in SAMPLES)), 'factories without samples').toEqual([])
    expect(Object.keys(SAMPLES).filter((name) => !found.has(name)), 'samples for no factory').toEqual([])
    for (const [name, build] of found) {
      expect(SAMPLES[name]!.base, `${name}'s sample arguments`).toHaveLength(build.length)
      expect(SAMPLES[name]!.other, `${name}'s other values`).toHaveLength(build.length)
    }
  })

  it('gives two different queries two different keys', () => {
    expect(collisions(probe(found))).toEqual([])
  })

  it('puts every argument in the key', () => {
    for (const name of Object.keys(SAMPLES).filter((name) => found.has(name))) {
      const keys = argumentSets(name).map((args) => hashKey(found.get(name)!(...args).queryKey!))
      expect(new Set(keys).size, `${name}: a changed argument must change the key`).toBe(keys.length)
    }
  })

  it('roots each module at its own key, under which all its queries sit', () => {
    const roots = new Map(entries('Keys').map(([path, , keys]) => [path, keys.all as QueryKey]))
    expect(new Set([...roots.values()].map((root) => hashKey(root))).size, 'distinct roots').toBe(entries('Keys').length)
    const pathOf = new Map(entries('Queries').map(([path, name]) => [name, path]))
    for (const { factory, key } of probe(found)) {
      const root = roots.get(pathOf.get(factory.split('.')[0]!)!)!
      expect(startsWith(key, root), `${factory} sits under its module's root`).toBe(true)
    }
  })

  it('makes every prefix a key factory gives reach some query (invalidations use them)', () => {
    const keys = probe(found).map((item) => item.key)
    const prefixes = entries('Keys').flatMap(([, name, group]) =>
      Object.entries(group).flatMap(([prop, value]): [string, QueryKey][] => {
        if (prop === 'all') return [[`${name}.all`, value as QueryKey]]
        const build = value as (...args: unknown[]) => QueryKey
        return build.length === 0 ? [[`${name}.${prop}()`, build()]] : []
      }),
    )
    for (const [name, prefix] of prefixes) {
      expect(keys.some((key) => startsWith(key, prefix)), `${name} reaches a query`).toBe(true)
    }
  })
})
