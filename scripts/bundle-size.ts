/**
 * Measures the initial JavaScript of `/`: the entry script of dist/index.html plus every chunk it
 * preloads, gzipped (level 9, as a CDN would). `--check` fails when it passes the budget of BRIEF §11.
 * Usage: npm run build && npm run bench:size [-- --check]
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 130
const TARGET_KB = 100
const dist = process.env.DIST_DIR ?? join(import.meta.dirname, '..', 'dist')

export function initialScripts(html: string): string[] {
  const srcs = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1])
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map(
    (m) => m[1],
  )
  return [...new Set([...srcs, ...preloads])].filter((s): s is string => Boolean(s))
}

function main() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  let totalGzip = 0
  let totalRaw = 0
  for (const src of initialScripts(html)) {
    const bytes = readFileSync(join(dist, src.replace(/^\//, '')))
    const gz = gzipSync(bytes, { level: 9 }).length
    totalGzip += gz
    totalRaw += bytes.length
    console.log(
      `  ${src}  ${(bytes.length / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip`,
    )
  }
  const kb = totalGzip / 1024
  console.log(
    `initial JS of /: ${kb.toFixed(1)} KB gzip (${(totalRaw / 1024).toFixed(1)} KB raw); budget ${BUDGET_KB} KB, target ${TARGET_KB} KB`,
  )
  if (process.argv.includes('--check') && kb > BUDGET_KB) {
    console.error(`initial JS of / is over its budget: ${kb.toFixed(1)} KB > ${BUDGET_KB} KB gzip`)
    process.exit(1)
  }
}

main()
