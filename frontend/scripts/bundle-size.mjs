// Reports the initial JavaScript of the build (the entry script and the chunks index.html
// preloads), gzipped, and fails above the budget. Lazy routes are not part of it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 300
const dist = 'dist'
const html = readFileSync(join(dist, 'index.html'), 'utf8')
const scripts = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map((m) => m[1])
let total = 0
for (const file of new Set(scripts)) {
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
  total += size
  console.log(`  ${file}  ${(size / 1024).toFixed(1)} KB gz`)
}
const kb = total / 1024
console.log(`initial JavaScript: ${kb.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`)
if (scripts.length === 0 || kb > BUDGET_KB) {
  console.error(scripts.length === 0 ? 'no entry script found in dist/index.html' : 'over the bundle budget')
  process.exit(1)
}
