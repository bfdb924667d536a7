// Reports the initial JavaScript of the build, gzipped, and fails above the budgets:
// - the app: the entry script and the chunks it imports statically (what index.html preloads);
// - each residents' page: the same plus what the server preloads for its address (the page's chunk,
//   its static imports and its English strings; dist/.vite/route-preloads.json, written by
//   vite-plugins/routePreloads.ts), which is everything a phone downloads before the page shows
//   (lazy parts such as Leaflet are not).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const APP_BUDGET_KB = 300
const PUBLIC_BUDGET_KB = 150
const dist = 'dist'
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'))
const routePreloads = JSON.parse(readFileSync(join(dist, '.vite', 'route-preloads.json'), 'utf8'))
const sizes = new Map()

function gzipKb(file) {
  if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024)
  return sizes.get(file)
}

/** The chunk files a manifest entry needs before it runs: itself and its static imports, recursively. */
function closure(key, files = new Set()) {
  const chunk = manifest[key]
  if (!chunk) throw new Error(`${key} is not in the build manifest`)
  if (files.has(chunk.file)) return files
  files.add(chunk.file)
  for (const imported of chunk.imports ?? []) closure(imported, files)
  return files
}

const total = (files) => [...files].reduce((sum, file) => sum + gzipKb(file), 0)
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry)
const initial = closure(entry)
let failed = false

for (const file of initial) console.log(`  ${file}  ${gzipKb(file).toFixed(1)} KB gz`)
const appKb = total(initial)
console.log(`initial JavaScript: ${appKb.toFixed(1)} KB gzipped (budget ${APP_BUDGET_KB} KB)`)
if (appKb > APP_BUDGET_KB) failed = true

for (const { path, modules } of routePreloads) {
  const kb = total(new Set([...initial, ...modules.map((href) => href.slice(1))]))
  const over = kb > PUBLIC_BUDGET_KB
  failed ||= over
  console.log(`public page ${path}: ${kb.toFixed(1)} KB gzipped (budget ${PUBLIC_BUDGET_KB} KB)${over ? '  OVER' : ''}`)
}
if (failed) {
  console.error('over the bundle budget')
  process.exit(1)
}
