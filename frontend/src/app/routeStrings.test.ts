import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { featureOf, PUBLIC_PAGES } from './publicPages'

/**
 * A lazy page fetches its code and one namespace of strings together (`lazyPage` in routes.tsx).
 * If a component under it used another namespace, it would wait for those strings after the page
 * had arrived: a second trip on a phone's slow link, with the page hidden meanwhile. This follows
 * each page's static imports through the source and finds the namespaces they use.
 */
const APP = resolve(__dirname)
const SOURCES = ['routes.tsx', 'App.tsx'].map((name) => readFileSync(resolve(APP, name), 'utf8'))
const LAZY_PAGE = /lazyPage\('([^']+)', \(\) => import\('([^']+)'\)\)/g

function sourceFile(base: string): string | undefined {
  return ['.tsx', '.ts', '/index.ts', '/index.tsx'].map((extension) => base + extension).find((path) => existsSync(path))
}

function namespacesUsed(path: string, seen = new Set<string>(), found = new Set<string>()): Set<string> {
  if (seen.has(path)) return found
  seen.add(path)
  const source = readFileSync(path, 'utf8')
  for (const [, namespace] of source.matchAll(/useTranslation\(\s*'([^']+)'/g)) found.add(namespace!)
  for (const [, relative] of source.matchAll(/^import\s(?:[^'"]*?\sfrom\s)?'(\.[^']+)'/gm)) {
    const imported = sourceFile(resolve(dirname(path), relative!))
    if (imported && !imported.includes('.test.')) namespacesUsed(imported, seen, found)
  }
  return found
}

const PAGES = [
  ...SOURCES.flatMap((source) => [...source.matchAll(LAZY_PAGE)].map(([, namespace, module]) => ({ namespace: namespace!, module: module! }))),
  ...PUBLIC_PAGES.map(({ page }) => ({ namespace: featureOf(page), module: `../features/${page}` })),
]

describe('each lazy page fetches the strings its components use', () => {
  it('finds the lazy pages', () => {
    expect(PAGES.length).toBeGreaterThan(20)
  })

  it.each(PAGES)('$module uses only $namespace (and common)', ({ namespace, module }) => {
    const path = sourceFile(resolve(APP, module))
    expect(path).toBeDefined()
    const others = [...namespacesUsed(path!)].filter((used) => used !== namespace && used !== 'common')
    expect(others).toEqual([])
  })

  it('follows imports into other folders (the check can fail)', () => {
    // StaffApp uses `shortcuts` only through the help dialog it imports from that feature.
    expect(readFileSync(resolve(APP, 'StaffApp.tsx'), 'utf8')).not.toContain("useTranslation('shortcuts')")
    expect([...namespacesUsed(resolve(APP, 'StaffApp.tsx'))]).toContain('shortcuts')
  })
})
