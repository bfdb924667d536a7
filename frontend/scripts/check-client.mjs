// Fails when src/api/schema.d.ts is not what openapi/openapi.json generates today: run `make client`.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'frontdoor-client-'))
try {
  const fresh = join(dir, 'schema.d.ts')
  execFileSync('npx', ['openapi-typescript', '../openapi/openapi.json', '--default-non-nullable', 'false', '-o', fresh], { stdio: 'ignore' })
  if (readFileSync(fresh, 'utf8') !== readFileSync('src/api/schema.d.ts', 'utf8')) {
    console.error('src/api/schema.d.ts drifted from openapi/openapi.json: run `make client` and commit it.')
    process.exit(1)
  }
  console.log('generated client matches openapi/openapi.json')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
