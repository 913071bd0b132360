/** The bundle figures: the initial JavaScript of `/` against its budget, and each lazy screen's share. */
import {
  firstCallWeight,
  INITIAL_BUDGET_KB,
  INITIAL_TARGET_KB,
  initialWeight,
  kb,
  lazyScreenWeights,
} from './bundle.ts'
import type { Figure } from './figures.ts'

export function sizeFigures(dist: string): Figure[] {
  const initial = initialWeight(dist)
  const figures: Figure[] = [
    {
      name: 'initial JS of / (gzip)',
      value: kb(initial.gzipBytes),
      unit: 'KB',
      budget: { kind: 'max', limit: INITIAL_BUDGET_KB },
      note: `aim ≤ ${INITIAL_TARGET_KB} KB; ${initial.files.length} files, ${kb(initial.rawBytes).toFixed(1)} KB raw`,
    },
  ]
  const first = firstCallWeight(dist)
  if (first) {
    figures.push({
      name: '  + schemas of its first API call (on demand)',
      value: kb(first.gzipBytes),
      unit: 'KB',
      note: 'zod and the catalog schema, fetched while the catalog request is on the wire',
    })
  }
  const table = firstCallWeight(dist, 'table')
  if (table) {
    figures.push({
      name: "  (the whole route table's schemas, for comparison)",
      value: kb(table.gzipBytes),
      unit: 'KB',
      note: 'what the first call fetched before it checked the catalog against its own schema',
    })
  }
  const screens = lazyScreenWeights(dist)
  if (!screens) {
    figures.push({
      name: 'lazy screens',
      value: null,
      unit: 'KB',
      note: 'no .vite/manifest.json in this build (build.manifest in vite.config.ts)',
    })
    return figures
  }
  for (const screen of screens) {
    figures.push({
      name: `  + ${screen.name} (over ${screen.after})`,
      value: kb(screen.gzipBytes),
      unit: 'KB',
      note: `${screen.files.length} files`,
    })
  }
  return figures
}
