/**
 * Measures the initial JavaScript of `/`: the entry script of dist/index.html plus every chunk it
 * preloads, gzipped (level 9, as a CDN would), and what each lazily loaded screen adds. `--check` fails
 * when `/` passes the budget of BRIEF §11. The same figures are part of `npm run bench`.
 * Usage: npm run build && npm run bench:size [-- --check]   (DIST_DIR=<folder> sizes another build)
 */
import { join } from 'node:path'
import {
  INITIAL_BUDGET_KB,
  INITIAL_TARGET_KB,
  initialWeight,
  kb,
  lazyScreenWeights,
} from './bench/bundle.ts'

const dist = process.env.DIST_DIR ?? join(import.meta.dirname, '..', 'dist')

function main() {
  const initial = initialWeight(dist)
  for (const f of initial.files) {
    console.log(
      `  /${f.file}  ${kb(f.rawBytes).toFixed(1)} KB raw, ${kb(f.gzipBytes).toFixed(1)} KB gzip`,
    )
  }
  const size = kb(initial.gzipBytes)
  console.log(
    `initial JS of /: ${size.toFixed(1)} KB gzip (${kb(initial.rawBytes).toFixed(1)} KB raw); budget ${INITIAL_BUDGET_KB} KB, target ${INITIAL_TARGET_KB} KB`,
  )
  const screens = lazyScreenWeights(dist)
  if (screens) {
    for (const s of screens) {
      console.log(
        `  + ${s.name.padEnd(24)} ${kb(s.gzipBytes).toFixed(1).padStart(6)} KB gzip (over ${s.after})`,
      )
    }
  }
  if (process.argv.includes('--check') && size > INITIAL_BUDGET_KB) {
    console.error(
      `initial JS of / is over its budget: ${size.toFixed(1)} KB > ${INITIAL_BUDGET_KB} KB gzip`,
    )
    process.exit(1)
  }
}

main()
