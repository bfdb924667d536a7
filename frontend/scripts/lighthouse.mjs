// Lighthouse in mobile emulation (its default: a mid-range phone on a slow 4G link, simulated)
// on Debian's chromium, against a running server: the residents' pages must score at least
// 90 for performance and 95 for accessibility. Prints each page's scores and writes them to
// test-results/lighthouse.json.
//
//   node scripts/lighthouse.mjs BASE_URL PATH [PATH ...]
import { mkdirSync, writeFileSync } from 'node:fs'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

const MINIMUM = { performance: 90, accessibility: 95 }
const [base, ...paths] = process.argv.slice(2)
if (!base || paths.length === 0) {
  console.error('usage: node scripts/lighthouse.mjs BASE_URL PATH [PATH ...]')
  process.exit(2)
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
})
const scores = {}
let failed = false
try {
  for (const path of paths) {
    const { lhr } = await lighthouse(new URL(path, base).href, {
      port: chrome.port,
      logLevel: 'error',
      onlyCategories: Object.keys(MINIMUM),
    })
    scores[path] = Object.fromEntries(
      Object.keys(MINIMUM).map((category) => [category, Math.round(lhr.categories[category].score * 100)]),
    )
    const line = Object.entries(scores[path]).map(([category, score]) => `${category} ${score}`)
    console.log(`lighthouse ${path}: ${line.join(', ')}`)
    for (const [category, minimum] of Object.entries(MINIMUM)) {
      if (scores[path][category] < minimum) {
        failed = true
        console.error(`  ${category} ${scores[path][category]} is below ${minimum}`)
        for (const audit of Object.values(lhr.audits)) {
          if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative') {
            console.error(`    ${audit.id}: ${audit.displayValue ?? audit.score}`)
          }
        }
      }
    }
  }
} finally {
  await chrome.kill()
}
mkdirSync('test-results', { recursive: true })
writeFileSync('test-results/lighthouse.json', JSON.stringify(scores, null, 2) + '\n')
process.exit(failed ? 1 : 0)
