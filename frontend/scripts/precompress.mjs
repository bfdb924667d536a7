// Writes a Brotli (.br) and a gzip (.gz) twin beside each text file of the build, so the
// server hands browsers compressed files without compressing on each request (api/spa.py).
// Files under 1 KB, or that would not shrink, keep no twin.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const TEXT = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.webmanifest'])
const MIN_BYTES = 1024

function* files(directory) {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name)
    if (statSync(path).isDirectory()) yield* files(path)
    else if (TEXT.has(extname(name))) yield path
  }
}

let original = 0
let compressed = 0
for (const path of files(process.argv[2] ?? 'dist')) {
  const content = readFileSync(path)
  if (content.length < MIN_BYTES) continue
  const brotli = brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  })
  const gzip = gzipSync(content, { level: 9 })
  if (brotli.length < content.length) writeFileSync(`${path}.br`, brotli)
  if (gzip.length < content.length) writeFileSync(`${path}.gz`, gzip)
  original += content.length
  compressed += Math.min(brotli.length, content.length)
}
console.log(`precompressed: ${(original / 1024).toFixed(0)} KB of text, ${(compressed / 1024).toFixed(0)} KB as Brotli`)
