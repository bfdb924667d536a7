import type { OutputBundle, OutputChunk } from 'rolldown'
import type { Plugin } from 'vite'
import { featureOf, PUBLIC_PAGES } from '../src/app/publicPages.ts'

/** Where the build writes, for each residents' address, what its page needs before it shows. */
export const ROUTE_PRELOADS = '.vite/route-preloads.json'

type RoutePreload = { path: string; modules: string[]; styles: string[] }

function chunks(bundle: OutputBundle): OutputChunk[] {
  return Object.values(bundle).filter((output): output is OutputChunk => output.type === 'chunk')
}

/** A chunk and its static imports, recursively, by file name. */
function closure(chunk: OutputChunk, byFile: Map<string, OutputChunk>, found = new Set<string>()): Set<string> {
  if (found.has(chunk.fileName)) return found
  found.add(chunk.fileName)
  for (const imported of chunk.imports) closure(byFile.get(imported)!, byFile, found)
  return found
}

/**
 * Writes ROUTE_PRELOADS: each public page's chunks beyond the app's own (which index.html already
 * preloads), its English strings and its stylesheets. The server sends them in a `Link` header
 * (api/spa.py), so the browser fetches a page's code alongside the app's instead of discovering
 * it only once the app has run: one round trip less before a resident sees the page.
 */
export function routePreloads(): Plugin {
  return {
    name: 'frontdoor-route-preloads',
    apply: 'build',
    enforce: 'post',
    // Last, once Vite has dropped the chunks that only carried a stylesheet.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const routes = preloadsOf(bundle)
        const files = routes.flatMap((route) => [...route.modules, ...route.styles])
        const missing = files.filter((file) => !(file.slice(1) in bundle))
        if (missing.length) throw new Error(`route-preloads: not in the build: ${missing.join(', ')}`)
        this.emitFile({ type: 'asset', fileName: ROUTE_PRELOADS, source: `${JSON.stringify(routes, null, 1)}\n` })
      },
    },
  }
}

function preloadsOf(bundle: OutputBundle): RoutePreload[] {
  const all = chunks(bundle)
  const byFile = new Map(all.map((chunk) => [chunk.fileName, chunk]))
  const ofModule = (suffix: string) => all.find((chunk) => chunk.facadeModuleId?.endsWith(suffix))
  const initial = closure(all.find((chunk) => chunk.isEntry)!, byFile)
  return PUBLIC_PAGES.map(({ path, page }) => {
    const chunk = ofModule(`/src/features/${page}.tsx`)
    if (!chunk) throw new Error(`route-preloads: no chunk for ${page}`)
    const needed = [...closure(chunk, byFile)].filter((file) => !initial.has(file))
    const strings = ofModule(`/src/features/${featureOf(page)}/locales/en.json`)
    if (strings) needed.push(strings.fileName)
    const styles = needed.flatMap((file) => [...(byFile.get(file)?.viteMetadata?.importedCss ?? [])])
    return { path, modules: needed.map((file) => `/${file}`), styles: styles.map((file) => `/${file}`) }
  })
}
