/** The build the bench measures: DIST_DIR when given (built with the manifest), else a fresh one. */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ROOT } from './root.ts'

export interface Build {
  dist: string
  /** Built here, in a temporary folder (removed at the end). */
  fresh: boolean
}

export function prepareBuild(): Build {
  const given = process.env.DIST_DIR
  if (given) {
    const dist = resolve(given)
    if (!existsSync(join(dist, 'index.html')))
      throw new Error(`DIST_DIR=${given} has no index.html`)
    return { dist, fresh: false }
  }
  const dist = mkdtempSync(join(tmpdir(), 'bench-dist-'))
  console.log(`building into ${dist} …`)
  const vite = join(ROOT, 'node_modules/.bin/vite')
  const result = spawnSync(
    vite,
    ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  )
  if (result.status !== 0) throw new Error(`vite build failed (${result.status})`)
  return { dist, fresh: true }
}
